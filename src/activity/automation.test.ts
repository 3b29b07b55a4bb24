// Tests for automation suspicion (cadence, templates) and the comment signatures it relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quietestShare, suspectAutomation, type ActivityProfile } from './automation.ts';
import { bodySignature, normaliseBody } from './body-signature.ts';

const profile = (byHour: number[], over: Partial<ActivityProfile> = {}): ActivityProfile => ({
  login: 'x', events: byHour.reduce((a, b) => a + b, 0), days: 10, byHour, longComments: 0, topTemplate: 0, ...over,
});
const workday = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 30 : h >= 20 ? 5 : 0)); // sleeps 0:00-8:00
const machine = new Array<number>(24).fill(15);

test('quietest window wraps at midnight', () => {
  assert.equal(quietestShare(workday, 6), 0);
  assert.equal(quietestShare(machine, 6), 0.25);
  const night = Array.from({ length: 24 }, (_, h) => (h >= 22 || h < 4 ? 0 : 10));
  assert.equal(quietestShare(night, 6), 0);
});

test('round-the-clock cadence is suspected; a person who sleeps, or too few events or days, is not', () => {
  assert.match(suspectAutomation(profile(machine)) ?? '', /^suspected: round-the-clock: 25% of 360 events/);
  assert.equal(suspectAutomation(profile(workday)), null);
  assert.equal(suspectAutomation(profile(machine.map(() => 5))), null); // 120 events: too few to judge
  assert.equal(suspectAutomation(profile(machine, { days: 2 })), null);
});

test('one long text posted again and again is suspected; varied long comments are not', () => {
  assert.match(suspectAutomation(profile(workday, { longComments: 30, topTemplate: 20 })) ?? '', /templated text: 20 of its 30 long comments/);
  assert.equal(suspectAutomation(profile(workday, { longComments: 30, topTemplate: 5 })), null);
  assert.equal(suspectAutomation(profile(workday, { longComments: 10, topTemplate: 10 })), null);
});

test('signatures: same template with other names and numbers agree; short texts get none', () => {
  const t = (n: number, who: string) => `Hi @${who}! Issue #${n} was added to the v1.${n} release notes draft at https://example.org/notes/${n}; ` +
    `commit ${'ab12cd3'.repeat(2)}${n} is listed. Please reply within 7 days if the wording needs a change.`;
  assert.equal(bodySignature(t(12, 'ada')), bodySignature(t(987, 'grace-h')));
  assert.notEqual(bodySignature(t(12, 'ada')), bodySignature(`${t(12, 'ada')} And one more sentence.`));
  assert.equal(bodySignature('/lgtm'), null);
  assert.equal(normaliseBody('Fixed  in #123 by @bob, see https://x.io/a'), 'fixed in #0 by @, see U');
  assert.equal(bodySignature('x'.repeat(100_000)), bodySignature(`${'x'.repeat(100_000)}different tail`)); // only the start is read
});
