// A roster as one printable, self-contained HTML page of cards (no scripts, fonts or images fetched).
import type { Card, Roster } from './cards.ts';
import { summaryLine } from './summary.ts';
import { roleText } from './render.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const STYLE = `
  :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
  body { margin: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
  .summary { font-size: .9rem; color: #444; max-width: 60rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .8rem; margin-top: 1rem; }
  .card { border: 1px solid #c9d1d9; border-radius: 8px; padding: .7rem .8rem; break-inside: avoid; page-break-inside: avoid; }
  .handle { font-size: 1.15rem; font-weight: 700; }
  .name { color: #333; }
  .meta, .since { font-size: .85rem; color: #444; margin-top: .2rem; }
  .segment { display: inline-block; margin-top: .35rem; padding: 0 .45rem; border-radius: 999px; background: #ddf4ff; font-size: .8rem; }
  .label { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; color: #57606a; margin-top: .45rem; }
  .roles, .areas { font-size: .82rem; margin: .1rem 0 0; padding-left: 1rem; }
  .kinds { display: flex; height: .55rem; margin-top: .45rem; border-radius: 3px; overflow: hidden; background: #eee; }
  .kinds span { display: block; height: 100%; }
  .k-code { background: #0969da; } .k-docs { background: #1a7f37; } .k-tests { background: #9a6700; }
  .k-build { background: #8250df; } .k-community { background: #cf222e; }
  .legend { font-size: .75rem; color: #555; }
  .missing { font-size: .85rem; color: #555; margin-top: 1rem; }
  @media print { body { margin: 0; } .card { border-color: #999; } @page { margin: 12mm; } }
`;

function kindsBar(c: Card): string {
  const total = Object.values(c.kinds).reduce((s, v) => s + v, 0);
  if (total === 0) return '';
  const parts = Object.entries(c.kinds).filter(([, v]) => v > 0)
    .map(([k, v]) => `<span class="k-${k}" style="width:${((100 * v) / total).toFixed(1)}%" title="${k} ${v}"></span>`);
  const legend = Object.entries(c.kinds).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(' · ');
  return `<div class="kinds">${parts.join('')}</div><div class="legend">${escapeHtml(legend)}</div>`;
}

function cardHtml(c: Card): string {
  const e = escapeHtml;
  const company = c.company ? `${e(c.company.name)} <small>(${e(c.company.source)})</small>` : 'company unknown';
  const country = c.country ? `${e(c.country.code)} <small>(declared)</small>` : 'country unknown';
  const since = c.firstContribution ? `${e(c.firstContribution)} → ${e(c.latestContribution ?? '')} · ${c.contributions.toLocaleString('en-US')} contributions` : 'no contributions found';
  const roles = roleText(c).split('; ').filter(Boolean).map((x) => `<li>${e(x)}</li>`).join('');
  const areas = c.areas.map((a) => `<li>${e(a.name)} <small>${a.contributions.toLocaleString('en-US')}</small></li>`).join('');
  return `<section class="card">
  <div class="handle">@${e(c.handle)}</div>
  <div class="name">${e(c.name ?? '')}</div>
  <div class="meta">${company} · ${country}</div>
  <div class="since">${since}</div>
  <div class="segment">${e(c.segment)}</div>
  ${roles ? `<div class="label">roles</div><ul class="roles">${roles}</ul>` : ''}
  ${areas ? `<div class="label">works most in</div><ul class="areas">${areas}</ul>` : ''}
  ${kindsBar(c)}
</section>`;
}

export function renderRosterHtml(r: Roster, title = 'Who is who'): string {
  const missing = r.notShown.length
    ? `<p class="missing">Not shown (unknown to the census, or withheld at the person's request): ${r.notShown.length} handle(s).</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summaryLine(r))}</p>
<p class="summary">Scope: ${escapeHtml(r.scope)}. Country is the declared profile location only. Segments describe ${escapeHtml(r.window.since)} .. ${escapeHtml(r.window.until)}.</p>
<div class="cards">
${r.cards.map(cardHtml).join('\n')}
</div>
${missing}
</body></html>
`;
}
