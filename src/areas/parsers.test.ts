// sigs.yaml, OWNERS / OWNERS_ALIASES and areas files become the same groups, directories and leads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOwnersUrl, parseSigsYaml, stagingMirror } from './sigs-yaml.ts';
import { expandAliases, ownersDir, parseAliases, parseOwners } from './owners-file.ts';
import { parseAreasFile } from './areas-file.ts';
import { CensusError } from '../errors.ts';

const SIGS = `
sigs:
  - dir: sig-node
    name: Node
    label: node
    leadership:
      chairs:
        - github: alice
          name: Alice Example
          company: Example Corp
          email: alice@example.com
      tech_leads:
        - github: bob
      emeritus_leads:
        - github: oldtimer
    subprojects:
      - name: kubelet
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/staging/src/k8s.io/kubelet/OWNERS
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS
        leads:
          - github: carol
      - name: tools
        owners:
          - https://github.com/kubernetes-sigs/node-tools/blob/main/OWNERS
          - https://example.com/not-github/OWNERS
workinggroups:
  - dir: wg-batch
    name: Batch
    label: batch
committees:
  - dir: committee-steering
    name: Steering
    label: steering
    subprojects:
      - name: steering
        owners:
          - https://raw.githubusercontent.com/kubernetes/steering/refs/heads/main/OWNERS
`;

test('owners URLs: raw and blob forms, refs/heads refs, the repository root as ""', () => {
  assert.deepEqual(parseOwnersUrl('https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/proxy/OWNERS'), { repo: 'kubernetes/kubernetes', dir: 'pkg/proxy' });
  assert.deepEqual(parseOwnersUrl('https://raw.githubusercontent.com/kubernetes-sigs/kind/refs/heads/main/OWNERS'), { repo: 'kubernetes-sigs/kind', dir: '' });
  assert.deepEqual(parseOwnersUrl('https://github.com/oracle/cluster-api-provider-oci/blob/main/OWNERS'), { repo: 'oracle/cluster-api-provider-oci', dir: '' });
  assert.equal(parseOwnersUrl('https://example.com/a/b/OWNERS'), null);
  assert.deepEqual(stagingMirror('kubernetes/kubernetes', 'staging/src/k8s.io/api/apps'), { repo: 'kubernetes/api', dir: 'apps' });
  assert.equal(stagingMirror('kubernetes/kubernetes', 'pkg/proxy'), null);
});

test('sigs.yaml: groups with their label prefix, current leads only, subproject directories and the published staging copy', () => {
  const s = parseSigsYaml(SIGS, 'sigs.yaml');
  assert.deepEqual(s.groups.map((g) => [g.area, g.kind, g.label]), [
    ['sig-node', 'sig', 'sig/node'], ['wg-batch', 'wg', 'wg/batch'], ['committee-steering', 'committee', 'committee/steering'],
  ]);
  assert.deepEqual(s.leads.map((l) => [l.login, l.role, l.subproject]), [['alice', 'chair', ''], ['bob', 'tech-lead', ''], ['carol', 'subproject-lead', 'kubelet']]);
  assert.equal(s.leads[0]!.company, 'Example Corp');
  assert.deepEqual(s.paths.map((p) => `${p.area}/${p.subproject} ${p.repo}:${p.dir}`), [
    'sig-node/kubelet kubernetes/kubernetes:staging/src/k8s.io/kubelet',
    'sig-node/kubelet kubernetes/kubelet:',
    'sig-node/kubelet kubernetes/kubernetes:pkg/kubelet',
    'sig-node/tools kubernetes-sigs/node-tools:',
    'committee-steering/steering kubernetes/steering:',
  ]);
  assert.equal(s.problems.length, 1);
  assert.match(s.problems[0]!.reason, /sig-node\/tools: not a GitHub URL/);
  assert.ok(s.problems[0]!.line > 0, 'the problem names its line');
  assert.throws(() => parseSigsYaml('foo: [1]', 'x.yaml'), CensusError);
});

test('OWNERS: top-level and filter entries; labels only from the top level and the ".*" filter; emeritus left out', () => {
  const o = parseOwners(`
approvers: [alice, sig-node-leads]
reviewers:
  - bob # a comment
emeritus_approvers: [old]
labels: [sig/node]
filters:
  ".*":
    labels: [area/kubelet]
  "\\\\.md$":
    approvers: [doc-writer]
    labels: [kind/documentation]
`);
  assert.deepEqual(o, { labels: ['sig/node', 'area/kubelet'], approvers: ['alice', 'sig-node-leads', 'doc-writer'], reviewers: ['bob'] });
  assert.deepEqual(parseOwners(''), { labels: [], approvers: [], reviewers: [] });
  assert.throws(() => parseOwners('approvers: [unclosed'));
});

test('aliases expand case-insensitively, nested once; logins come out lower-cased and sorted', () => {
  const aliases = parseAliases('aliases:\n  sig-node-leads: [Carol, dave]\n  all-leads: [sig-node-leads, erin]\n');
  assert.deepEqual(expandAliases(['Alice', 'SIG-NODE-LEADS'], aliases), ['alice', 'carol', 'dave']);
  assert.deepEqual(expandAliases(['all-leads'], aliases), ['carol', 'dave', 'erin']);
  assert.equal(ownersDir('OWNERS'), '');
  assert.equal(ownersDir('a/b/OWNERS'), 'a/b');
});

test('areas file: whole repositories, directories (normalised), leads; mistakes name the area and the key', () => {
  const s = parseAreasFile(`
areas:
  - id: networking
    name: Networking
    label: area/networking
    repos: [cilium/hubble]
    paths:
      cilium/cilium: [pkg/datapath/, ./bpf]
    leads:
      chair: [alice]
`, 'areas.yaml');
  assert.deepEqual(s.groups, [{ area: 'networking', kind: 'area', name: 'Networking', label: 'area/networking' }]);
  assert.deepEqual(s.paths.map((p) => `${p.repo}:${p.dir}`), ['cilium/hubble:', 'cilium/cilium:pkg/datapath', 'cilium/cilium:bpf']);
  assert.deepEqual(s.leads.map((l) => [l.login, l.role]), [['alice', 'chair']]);
  const bad = (text: string, re: RegExp) => assert.throws(() => parseAreasFile(text, 'a.yaml'), (e: unknown) => e instanceof CensusError && re.test(e.message));
  bad('areas:\n  - id: Net\n    repos: [a/b]\n', /lower-case/);
  bad('areas:\n  - id: net\n', /names no repos and no paths/);
  bad('areas:\n  - id: net\n    repos: [nope]\n', /"nope" is not owner\/name/);
  bad('areas:\n  - id: net\n    repos: [a/b]\n    leads: {boss: [x]}\n', /unknown role "boss"/);
  bad('areas:\n  - id: net\n    repos: [a/b]\n    owner: x\n', /unknown key\(s\) owner/);
  bad('areas:\n  - id: net\n    repos: [a/b]\n  - id: net\n    repos: [c/d]\n', /listed twice/);
  bad('nothing: here\n', /`areas` list/);
});
