// Two self-contained ES module bundles: the action entry the runner executes
// (dist/index.js) and the CLI (dist/cli.js). The Python probe is not bundled:
// it is copied beside them, because it runs in the measured interpreter; so is
// the subreaper that both entries start above themselves.
import { copyFile, mkdir } from 'node:fs/promises'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import type { Plugin, RollupOptions } from 'rollup'

function copyProbe(): Plugin {
  return {
    name: 'copy-probe',
    async writeBundle() {
      await mkdir('dist', { recursive: true })
      await copyFile('src/measure/probe.py', 'dist/probe.py')
      await copyFile('src/measure/probe_functions.py', 'dist/probe_functions.py')
      await copyFile('src/env/subreaper.py', 'dist/subreaper.py')
      await copyFile('src/measure/import_sites.py', 'dist/import_sites.py')
      await copyFile('src/measure/trace_import.py', 'dist/trace_import.py')
      await copyFile('src/measure/proof_lines.py', 'dist/proof_lines.py')
    },
  }
}

function bundle(input: string, file: string, banner?: string): RollupOptions {
  return {
    input,
    output: { file, format: 'es', banner, sourcemap: false },
    plugins: [
      typescript({ tsconfig: 'tsconfig.build.json' }),
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      commonjs(),
      json(),
      copyProbe(),
    ],
    onwarn(warning, warn) {
      // @actions/* and their dependencies use `this` at module top level in
      // CommonJS shims; it is harmless and would drown real warnings.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
      warn(warning)
    },
  }
}

const config: RollupOptions[] = [
  bundle('src/main.ts', 'dist/index.js'),
  bundle('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node'),
]

export default config
