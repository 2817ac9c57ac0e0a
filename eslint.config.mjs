import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The pure layers (docs/architecture.md) get the environment, the time and
    // randomness handed in: the same document must make the same report.
    files: ['src/{model,settings,analysis,results,report}/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'a pure layer is handed what it needs' },
        { object: 'Date', property: 'now', message: 'a pure layer is handed the clock' },
        { object: 'performance', property: 'now', message: 'a pure layer is handed the clock' },
        { object: 'Math', property: 'random', message: 'a pure layer is handed a seeded random' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'a pure layer is handed the clock',
        },
      ],
    },
  },
)
