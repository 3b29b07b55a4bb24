// Stage `activity_bots`: GitHub accounts flagged as automation, confirmed by data/bots.yaml or suspected from behaviour.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { loadBotRules } from '../identity/bots.ts';
import { ROUND_THE_CLOCK, TEMPLATED, suspectAutomation, type ActivityProfile } from '../activity/automation.ts';
import { DELETED_USER } from '../activity/spec.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export async function buildActivityBots(ctx: Context): Promise<{ confirmed: number; suspected: number }> {
  const bots = loadBotRules(ctx.config.dataDir);
  const profiles = new Map<string, ActivityProfile>();
  const profile = (login: string) => {
    let p = profiles.get(login);
    if (!p) profiles.set(login, (p = { login, events: 0, days: 0, byHour: new Array<number>(24).fill(0), longComments: 0, topTemplate: 0 }));
    return p;
  };
  const params = { deleted: DELETED_USER, min_events: ROUND_THE_CLOCK.minEvents, min_long: TEMPLATED.minLongComments };
  for (const r of await ctx.store.query(q('activity_bots.hours'), params)) {
    const p = profile(String(r.login));
    p.events = Number(r.events);
    p.days = Number(r.days);
    p.byHour[Number(r.h)] = Number(r.n);
  }
  for (const r of await ctx.store.query(q('activity_bots.templates'), params)) {
    const p = profile(String(r.login));
    p.longComments = Number(r.long_comments);
    p.topTemplate = Number(r.top_template);
  }
  await ctx.store.truncate('activity_bots');
  const w = await ctx.store.writer('activity_bots');
  let confirmed = 0;
  let suspected = 0;
  for (const r of await ctx.store.query(q('activity_bots.logins'), params)) {
    const login = String(r.login);
    const listed = bots.classify({ name: '', email: '', login });
    const p = profiles.get(login);
    const behaviour = p ? suspectAutomation(p) : null;
    if (listed) {
      confirmed++;
      w.append([login, listed.kind, 'confirmed', listed.rule]);
    } else if (behaviour) {
      suspected++;
      w.append([login, 'bot', 'suspected', behaviour]);
    }
  }
  await w.close();
  return { confirmed, suspected };
}
