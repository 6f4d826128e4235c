// ESLint catches bugs, not taste: Prettier owns formatting.
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', 'data/', 'test-results/', 'drizzle/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Every PDF is made by createPdf, which embeds the portal's Unicode font.
    files: ['app/**'],
    ignores: ['app/modules/pdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'pdfkit', message: 'Make PDFs with createPdf from ~/modules/pdf/pdf-document.server.' }] },
      ],
    },
  },
)
