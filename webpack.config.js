// Builds the Excel add-in into dist/: `npm run build` (production), `npm run dev-server` (development, served on
// https://localhost:3000).
//
// One page, one runtime. The manifest uses a shared runtime (SharedRuntime 1.1): the task pane and the ribbon
// commands run in the same page, taskpane.html, as Office's shared-runtime template does. So taskpane.html loads
// both the `commands` and the `taskpane` entries and no commands.html is emitted (the manifest's FunctionFile is
// taskpane.html; a second page would never be loaded). `commands` loads first so the ribbon handlers are associated
// before the React bundle starts. runtimeChunk 'single' gives both entries one module cache.
//
// The engine runs in a Web Worker emitted as its own chunk from `new Worker(new URL(..., import.meta.url))`
// (src/taskpane/startEngine.ts). tsconfig.json says module commonjs (for tsc and Node); here ts-loader compiles with
// module esnext so webpack sees import.meta and ES imports.
//
// Office.js is served from the add-in's own files: the Excel parts of @microsoft/office-js are copied to
// dist/office-js and taskpane.html loads office-js/office.js, so no CDN is contacted at run time.
// Set KEHU_ADDIN_URL=https://your.host/path/ to write dist/manifest.xml with that address instead of localhost.
//
// preview.html (`npm start`) is the browser preview: the same task pane beside a workbook opened from a file, no
// Office. It runs the file host in the browser, whose libraries (exceljs, iconv-lite) use Node's Buffer: hence
// the buffer polyfill and no fs/path/stream. exceljs resolves to its browser build through its package.json.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/package.json'));

/** Office.js files an Excel add-in never loads: debug builds, IntelliSense, other hosts' scripts and strings. */
const OFFICE_JS_SKIP = [
  '**/*.debug.js',
  '**/*vsdoc*',
  '**/*.d.ts',
  '**/outlook*',
  '**/word*',
  '**/powerpoint*',
  '**/onenote*',
  '**/project*',
  '**/access*',
  '**/custom-functions-runtime.js',
];

function addinUrl() {
  const url = process.env.KEHU_ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/.+\/$/.test(url)) throw new Error(`KEHU_ADDIN_URL must be an https URL ending in "/", got "${url}"`);
  return url;
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  const baseUrl = addinUrl();
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      fallback: { buffer: require.resolve('buffer/'), fs: false, path: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true, // type errors are `npm run typecheck`'s job; keeps the build fast
              compilerOptions: { module: 'esnext', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: { runtimeChunk: 'single' },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['runtime', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['runtime', 'preview'],
        chunksSortMode: 'manual',
      }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/sample-crm.xlsx', to: 'sample-crm.xlsx' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_URL).join(baseUrl),
          },
          { from: path.join(OFFICE_JS, 'dist').replace(/\\/g, '/'), to: 'office-js', globOptions: { ignore: OFFICE_JS_SKIP } },
          { from: path.join(OFFICE_JS, 'LICENSE.md'), to: 'office-js/LICENSE.md' },
        ],
      }),
    ],
    performance: {
      hints: production ? 'error' : false,
      // Budgets for what the task pane loads before it can show anything. The engine worker (~1.2 MiB: phone
      // metadata, divisions, pinyin) loads in the background, step panes load when first opened, and the preview
      // is a developer page: none of them delays the pane.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
      assetFilter: (file) => /^(runtime|commands|taskpane)\.[^/]*\.js$/.test(file),
    },
    stats: {
      preset: 'normal',
      modules: false,
      excludeAssets: [/^office-js\//, /\.map$/],
    },
  };
};
