// data/work-kinds.yaml loads, covers every kind once, and classifies the paths that motivated its rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../config.ts';
import { CensusError } from '../errors.ts';
import { globToRegex, kindOf, loadWorkKinds, parseWorkKinds } from './work-kinds.ts';

const matches = (glob: string, key: string) => new RegExp(`^${globToRegex(glob)}$`).test(key);

test('globs: * within a folder, ** across folders, bare names anywhere, owner/name: for one repository', () => {
  assert.ok(matches('*.md', 'a/b:README.md'));
  assert.ok(matches('*.md', 'a/b:docs/deep/guide.md'));
  assert.ok(!matches('*.md', 'a/b:guide.md.go'));
  assert.ok(matches('docs/**', 'a/b:docs/x/y.txt'));
  assert.ok(!matches('docs/**', 'a/b:src/docs/y.txt'), 'a pattern with / is anchored at the root');
  assert.ok(matches('**/testdata/**', 'a/b:testdata/f'));
  assert.ok(matches('**/testdata/**', 'a/b:pkg/x/testdata/f'));
  assert.ok(matches('*_test.go', 'a/b:pkg/x_test.go'));
  assert.ok(!matches('*_test.go', 'a/b:pkg/x_test.go/other'));
  assert.ok(matches('kubernetes/community:**', 'kubernetes/community:sig-node/README.md'));
  assert.ok(!matches('kubernetes/community:**', 'kubernetes/communityx:README.md'));
  assert.ok(matches('OWNERS', 'a/b:pkg/OWNERS'));
  assert.ok(!matches('OWNERS', 'a/b:pkg/OWNERS_ALIASES'));
  assert.ok(matches('a.b?', 'x/y:a.bc') && !matches('a.b?', 'x/y:axbc'), '. is literal, ? is one character');
});

test('data/work-kinds.yaml: each kind once, in a reviewed order, with reasons', () => {
  const rules = loadWorkKinds(DEFAULT_DATA_DIR);
  assert.deepEqual(rules.map((r) => r.kind), ['community', 'tests', 'build', 'docs']);
  for (const r of rules) assert.ok(r.why.length > 10, `${r.kind} says why`);
});

test('data/work-kinds.yaml classifies real Kubernetes paths as reviewed', () => {
  const rules = loadWorkKinds(DEFAULT_DATA_DIR);
  const cases: [repo: string, path: string, kind: string][] = [
    ['kubernetes/community', 'sig-node/README.md', 'community'],
    ['kubernetes/kops', 'pkg/apis/kops/OWNERS', 'community'],
    ['kubernetes/api', 'CONTRIBUTING.md', 'community'],
    ['kubernetes/client-go', 'rest/request_test.go', 'tests'],
    ['kubernetes/kops', 'tests/integration/update_cluster/minimal/kubernetes.tf', 'tests'],
    ['kubernetes-sigs/cluster-api', 'test/e2e/config/docker.yaml', 'tests'],
    ['kubernetes/apimachinery', 'pkg/util/json/testdata/big.json', 'tests'],
    ['kubernetes/minikube', 'vendor/github.com/spf13/cobra/command.go', 'build'],
    ['kubernetes/kops', 'go.sum', 'build'],
    ['kubernetes/test-infra', 'config/jobs/kubernetes/sig-node/node-kubelet.yaml', 'build'],
    ['kubernetes/autoscaler', 'cluster-autoscaler/Makefile', 'build'],
    ['kubernetes/kops', 'BUILD.bazel', 'build'],
    ['kubernetes-sigs/kind', '.github/workflows/docker.yaml', 'build'],
    ['kubernetes/enhancements', 'keps/sig-node/127-user-namespaces/kep.yaml', 'docs'],
    ['kubernetes/minikube', 'site/content/en/docs/start/_index.md', 'docs'],
    ['kubernetes/ingress-nginx', 'docs/user-guide/basic-usage.md', 'docs'],
    ['kubernetes/ingress-nginx', 'README.md', 'docs'],
    ['kubernetes/kubectl', 'pkg/cmd/apply/apply.go', 'code'],
    ['kubernetes/api', 'core/v1/generated.pb.go', 'code'],
    ['kubernetes/test-infra', 'prow/cmd/hook/main.go', 'code'],
  ];
  for (const [repo, path, kind] of cases) assert.equal(kindOf(rules, repo, path), kind, `${repo}:${path}`);
});

test('a kinds file that misses a kind, repeats one, or names an unknown one is refused', () => {
  const file = join('data', 'work-kinds.yaml');
  const ok = [{ kind: 'community', why: 'governance files', patterns: ['OWNERS'] }, { kind: 'tests', why: 'tests and data', patterns: ['*_test.go'] },
    { kind: 'build', why: 'build and CI', patterns: ['Makefile'] }, { kind: 'docs', why: 'documentation', patterns: ['*.md'] }];
  assert.equal(parseWorkKinds({ kinds: ok }, file).length, 4);
  const refused = (kinds: unknown[], re: RegExp) =>
    assert.throws(() => parseWorkKinds({ kinds }, file), (e: unknown) => e instanceof CensusError && re.test(e.message));
  refused(ok.slice(1), /no rules for community/);
  refused([...ok, ok[0]], /listed twice/);
  refused([...ok.slice(0, 3), { ...ok[3], kind: 'design' }], /must be one of/);
  refused([...ok.slice(0, 3), { ...ok[3], kind: 'code' }], /must be one of/);
  refused([...ok.slice(0, 3), { ...ok[3], patterns: [] }], /no patterns/);
  refused([...ok.slice(0, 3), { ...ok[3], patterns: ['/abs'] }], /absolute/);
});
