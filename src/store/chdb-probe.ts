// Can embedded ClickHouse (chDB) load here? Tests that need it skip with this reason when it cannot.
export async function chdbUnavailable(): Promise<string | null> {
  const specifier = 'chdb';
  try {
    await import(specifier);
    return null;
  } catch (err) {
    return `chdb cannot load (${(err as Error).message.split('\n')[0]}); \`npm run setup:chdb\` installs it (Linux x64)`;
  }
}
