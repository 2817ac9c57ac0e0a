// Layer rules for src/ (docs/architecture.md): each layer imports only from
// layers below it, the pure layers do no I/O, and nothing imports in a cycle.
// Run by `npm run lint`.

/** Bottom first. */
const LAYERS = [
  'model',
  'settings',
  'analysis',
  'results',
  'report',
  'process',
  'measure',
  'env',
  'git',
  'config',
  'commands',
  'github',
  'action',
  'cli',
]
const PURE = ['model', 'settings', 'analysis', 'results', 'report']
/** The files of src/ that sit in no layer: the entries and what they start with. */
const ROOT_FILES = ['cli', 'main', 'node-version', 'private-start', 'version']
/** Anything in src/ outside the layers and those files: a new folder fails until it is placed. */
const UNPLACED = `^src/(?!(${LAYERS.join('|')})/|(${ROOT_FILES.join('|')})\\.ts$)`
const IO_MODULES =
  '^(node:)?(fs|fs/promises|child_process|net|http|https|os|dgram|tls|worker_threads|readline)$'

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer}`,
  comment: `src/${layer}/ may import only from layers below it: ${LAYERS.slice(0, i).join(', ') || 'nothing of ours'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/` },
}))

/**
 * Rooms inside a layer, bottom first: a room imports only from rooms below it
 * (analysis: the statistics, then attribution, then the verdicts that use
 * both); the report's writers import the view model, never each other.
 */
const ROOMS = [['analysis', ['stats', 'attribution', 'verdict']]]
const rooms = ROOMS.flatMap(([layer, order]) =>
  order.slice(0, -1).map((room, i) => ({
    name: `no-upward-from-${layer}-${room}`,
    comment: `src/${layer}/${room}/ may import only from ${
      order
        .slice(0, i)
        .map((r) => `${layer}/${r}`)
        .join(', ') || 'no other room of its layer'
    }`,
    severity: 'error',
    from: { path: `^src/${layer}/${room}/` },
    to: { path: `^src/${layer}/(${order.slice(i + 1).join('|')})/` },
  })),
)
const WRITERS = ['markdown', 'terminal', 'html']
const writers = WRITERS.map((writer) => ({
  name: `report-${writer}-stands-alone`,
  comment: `src/report/${writer}/ lays out the view model; it imports no other writer`,
  severity: 'error',
  from: { path: `^src/report/${writer}/` },
  to: { path: `^src/report/(${WRITERS.filter((w) => w !== writer).join('|')})/` },
}))

module.exports = {
  forbidden: [
    ...rooms,
    ...writers,
    {
      name: 'report-view-writes-nothing',
      comment: 'src/report/view/ is the view model: it imports no writer',
      severity: 'error',
      from: { path: '^src/report/view/' },
      to: { path: `^src/report/(${WRITERS.join('|')})/` },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make layers meaningless and load order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'model-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'pure-layers-do-no-io',
      comment: `${PURE.join(', ')} are pure: files, processes and the network stay at the edges.`,
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')})/` },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'pure-layers-use-no-actions-toolkit',
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')})/` },
      to: { path: '@actions/' },
    },
    {
      name: 'every-src-file-has-a-layer',
      comment: `A file of src/ is in a layer (${LAYERS.join(', ')}) or is one of the entries; add a new folder to LAYERS, where its imports put it.`,
      severity: 'error',
      from: { path: UNPLACED },
      to: {},
    },
    {
      name: 'nothing-imports-an-unplaced-file',
      comment:
        'A folder outside the layer list would escape every layer rule: place it in LAYERS first.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: UNPLACED },
    },
    {
      name: 'env-builds-without-measuring',
      comment:
        "src/env/ makes environments; asking an interpreter what it is, with the probe, is measure/'s.",
      severity: 'error',
      from: { path: '^src/env/' },
      to: { path: '^src/measure/' },
    },
    {
      name: 'only-entries-import-entries',
      comment: 'main.ts and cli.ts wire side effects; nothing else imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/(main|cli)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
}
