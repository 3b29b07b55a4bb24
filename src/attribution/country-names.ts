// Country names as a reader expects them ("China", "Taiwan", "South Korea"), from i18n-iso-countries.
import countries from 'i18n-iso-countries';

/** The short alias when it is a plain name ("China", not "People's Republic of China"), else the common name. */
export function countryName(code: string): string {
  const alias = countries.getName(code, 'en', { select: 'alias' });
  if (alias && !alias.includes(',') && alias.length > 3) return alias;
  return countries.getName(code, 'en') ?? code;
}
