// Tests for bot and AI-agent classification against the reviewed data/bots.yaml, including humans who must stay human.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CensusError, ExitCode } from '../errors.ts';
import { loadBotRules } from './bots.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const rules = loadBotRules(DATA);

type Want = 'bot' | 'ai-agent' | null;
const cases: { name: string; email: string; login?: string | null; want: Want; rule?: RegExp }[] = [
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', want: 'bot', rule: /login: dependabot\[bot\]/ },
  { name: 'Kubernetes Prow Robot', email: 'k8s.ci.robot@gmail.com', want: 'bot' },
  { name: 'Kubernetes Prow Robot', email: '75457971+k8s-infra-ci-robot@users.noreply.github.com', want: 'bot' },
  { name: 'k8s-ci-robot', email: 'k8s-ci-robot@users.noreply.github.com', want: 'bot' },
  { name: 'Kubernetes Submit Queue', email: 'k8s-merge-robot@users.noreply.github.com', want: 'bot' },
  { name: 'Fejta', email: 'x@y.io', login: 'fejta-bot', want: 'bot' },
  { name: 'Triage', email: 'x@y.io', login: 'K8S-Triage-Robot', want: 'bot' },
  { name: 'Mend Renovate', email: 'bot@renovateapp.com', want: 'bot' },
  { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com', want: 'bot' },
  { name: 'github-actions', email: 'actions@github.com', want: 'bot' },
  { name: 'minikube-bot', email: 'minikube-bot@google.com', want: 'bot' },
  { name: 'some-new-app[bot]', email: '1+some-new-app[bot]@users.noreply.github.com', want: 'bot', rule: /pattern github-app/ },
  { name: 'Acme CI', email: 'ci-robot@acme.io', want: 'bot', rule: /pattern bot-mailbox/ },
  { name: 'kubevirt-bot', email: 'rmohr+kubebot@redhat.com', want: 'bot', rule: /pattern bot-suffix \(name\)/ },
  { name: 'ImgBot', email: 'x@y.io', login: 'imgbotapp', want: 'bot' },
  { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com', want: 'ai-agent' },
  { name: 'Copilot', email: '175728472+Copilot@users.noreply.github.com', want: 'ai-agent' },
  { name: 'Claude Opus 4.8 (1M context)', email: 'noreply@anthropic.com', want: 'ai-agent' },
  { name: 'Claude', email: ' NoReply@Anthropic.com', want: 'ai-agent' },
  { name: 'Cursor', email: 'cursoragent@cursor.com', want: 'ai-agent' },
  { name: 'devin-ai-integration[bot]', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com', want: 'ai-agent' },
  { name: 'x', email: 'x@y.io', login: 'openhands', want: 'ai-agent' },
  { name: 'Copilot Autofix powered by AI', email: '', want: 'ai-agent' },
  { name: 'some-coding-agent[bot]', email: '', want: 'ai-agent', rule: /pattern ai-app-suffix/ },
  // Humans whose names or addresses merely contain "bot", "robot" or an AI vendor.
  { name: 'Jane Abbott', email: 'jane.abbott@example.io', want: null },
  { name: 'Botond Kovacs', email: 'botond@example.hu', login: 'botond', want: null },
  { name: 'Anna Bot', email: 'anna.bot@example.nl', want: null },
  { name: 'Claude Martin', email: 'claude.martin@example.fr', want: null },
  { name: 'JesseBot', email: 'jessebot@linux.com', want: null },
  { name: 'Michael', email: 'notbot@gmail.com', want: null },
  { name: 'botieking98', email: 'botieking@gmail.com', want: null },
  { name: 'Curtis', email: 'curtis@robotsandpencils.com', want: null },
  { name: 'Jane Anthropic', email: 'jane@anthropic.com', want: null },
  { name: 'Talbot', email: 'adam.talbot@example.com', login: 'talbot', want: null },
];

for (const c of cases) {
  test(`classify ${c.name} <${c.email}>${c.login ? ` @${c.login}` : ''} -> ${c.want ?? 'human'}`, () => {
    const v = rules.classify({ name: c.name, email: c.email, login: c.login ?? null });
    assert.equal(v?.kind ?? null, c.want);
    if (c.rule) assert.match(v!.rule, c.rule);
    if (v) assert.match(v.rule, /^bots\.yaml /);
  });
}

function withBots(yamlText: string): () => unknown {
  const dir = mkdtempSync(join(tmpdir(), 'bots-'));
  writeFileSync(join(dir, 'bots.yaml'), yamlText);
  return () => loadBotRules(dir);
}

const invalid: { name: string; yaml: string; problem: RegExp }[] = [
  { name: 'not a mapping', yaml: '- a\n- b\n', problem: /must be a mapping/ },
  { name: 'broken YAML', yaml: 'bot: [\n', problem: /invalid YAML/ },
  { name: 'unknown list', yaml: 'bot:\n  users: [a]\n', problem: /bot\.users/ },
  { name: 'bad regex', yaml: "patterns:\n  - {id: x, kind: bot, fields: [login], regex: '(', why: y}\n", problem: /not a valid regular expression/ },
  { name: 'unknown kind', yaml: "patterns:\n  - {id: x, kind: robot, fields: [login], regex: 'a', why: y}\n", problem: /kind must be/ },
  { name: 'unknown field', yaml: "patterns:\n  - {id: x, kind: bot, fields: [title], regex: 'a', why: y}\n", problem: /unknown field/ },
  { name: 'example not matched', yaml: "patterns:\n  - {id: x, kind: bot, fields: [login], regex: 'a$', why: y, matches: [b]}\n", problem: /does not match its own example/ },
  { name: 'both kinds', yaml: 'bot:\n  logins: [X]\nai-agent:\n  logins: [x]\n', problem: /both bot and ai-agent/ },
];

for (const c of invalid) {
  test(`loadBotRules rejects ${c.name} with a CensusError naming the file`, () => {
    assert.throws(withBots(c.yaml), (err: unknown) => {
      assert.ok(err instanceof CensusError);
      assert.equal(err.exitCode, ExitCode.badInput);
      assert.match(err.message, /bots\.yaml/);
      assert.match(err.message, c.problem);
      return true;
    });
  });
}

test('loadBotRules names a missing file', () => {
  assert.throws(() => loadBotRules(join(tmpdir(), 'no-such-census-dir')), /bots\.yaml: cannot read/);
});
