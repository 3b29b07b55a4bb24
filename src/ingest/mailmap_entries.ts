// Import `mailmap_entries`: a repository's .mailmap (from a clone, or a file given with --mailmap), replaced per source.
import type { Context } from '../context.ts';
import { sqlFile } from '../store/store.ts';
import { parseMailmap } from '../identity/mailmap.ts';

const q = (name: string) => sqlFile(import.meta.url, name);

export async function importMailmap(ctx: Context, text: string, source: string): Promise<{ entries: number; bad: number }> {
  const { entries, bad } = parseMailmap(text, source);
  const w = await ctx.store.writer('mailmap_entries', 'stage');
  for (const e of entries) {
    if (ctx.optout.matchesAny([e.properName, e.properEmail, e.commitName, e.commitEmail])) continue;
    w.append([source, e.line, e.properName, e.properEmail, e.commitName, e.commitEmail]);
  }
  await w.close();
  await ctx.store.transaction(async () => {
    await ctx.store.run(q('mailmap_entries.forget'), { source });
    await ctx.store.run(q('mailmap_entries.merge'));
  });
  return { entries: w.count, bad: bad.length };
}
