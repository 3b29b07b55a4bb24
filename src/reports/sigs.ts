// Reports per SIG (or area): contributors-by-sig, bus-factor, elephant-factor (docs/areas.md).
import type { Row } from '../store/store.ts';
import { NO_AREA } from '../areas/model.ts';
import { INDEPENDENT, lensReport, n } from './lens.ts';

const share = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);

/** Per period: how many contributions reached an area at all, and how many contributors there were. */
function areaHeader(rows: Row[]): Record<string, string> {
  const header: Record<string, string> = {};
  for (const r of rows) {
    const key = `in an area${r.period === 'all' ? '' : ` ${r.period}`}`;
    if (key in header) continue;
    const mapped = Number(r.mapped_contributions);
    const all = Number(r.all_contributions);
    header[key] = `${n(mapped)} of ${n(all)} contributions (${share(mapped, all)}) touched a directory an imported OWNERS file, sigs.yaml or areas file places in an area; ` +
      `${n(r.all_contributors)} contributors`;
  }
  return header;
}

const areas = 'each changed path belongs to the deepest directory that names an area (sigs.yaml subproject OWNERS, OWNERS labels, areas files); ' +
  'a commit counts once in each area it touched, so rows add up to more than the totals';

export const contributorsBySig = lensReport({
  name: 'contributors-by-sig',
  summary: 'per SIG (or area): contributors, contributions, companies and declared countries, with coverage',
  header: (_ctx, _opts, rows) => ({
    areas,
    company: 'employer at the commit date (gitdm, else work mail domain); companies counts known ones; company_coverage_pct: contributors with one',
    country: 'declared profile location only (the country model will replace it); country_coverage_pct: contributors with one',
    [NO_AREA]: 'contributions whose paths no imported area covers (a repository not in sigs.yaml, or files outside every listed directory)',
    ...areaHeader(rows),
  }),
  columns: ['rank', 'area', 'name', 'contributors', 'contributions', 'companies', 'company_coverage_pct',
    'top_company', 'top_company_pct', 'countries', 'country_coverage_pct'],
});

function factorReport(name: 'bus-factor' | 'elephant-factor') {
  const byCompany = name === 'elephant-factor';
  const factor = byCompany ? 'elephant_factor' : 'bus_factor';
  return lensReport({
    name,
    sql: 'sig-factor',
    summary: `per SIG (or area): the fewest ${byCompany ? 'companies' : 'people'} making up over half of the contributions`,
    params: async () => ({ by_company: byCompany }),
    header: () => ({
      areas,
      [factor]: byCompany
        ? `the fewest companies whose contributions add up to more than half of those with a known employer (Unknown, opted-out people and "${INDEPENDENT}" left out); attributed_pct: the contributions that count`
        : 'the fewest people whose contributions add up to more than half of the area\'s; names are not listed',
      top_pct: byCompany ? 'share of the largest company among the attributed contributions' : 'share of the most active person',
    }),
    columns: ['rank', 'area', 'name', 'contributors', 'contributions', factor,
      ...(byCompany ? ['companies', 'top_company', 'top_pct', 'attributed_pct'] : ['top_pct'])],
    shape: (r) => ({ ...r, [factor]: r.factor, [byCompany ? 'companies' : 'people']: r.units, top_company: r.top_unit }),
  });
}

export const busFactor = factorReport('bus-factor');
export const elephantFactor = factorReport('elephant-factor');
