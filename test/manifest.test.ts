import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface ManifestIssue {
  severity: 'error' | 'warning';
  message: string;
  where: string;
  line?: number;
}
interface ManifestChecks {
  validateManifestFile(file: string, options?: { assetsDir?: string; baseUrl?: string }): { issues: ManifestIssue[] };
}

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ASSETS = path.join(ROOT, 'assets');
const VALIDATE = path.join(ROOT, 'scripts', 'validate-manifest.js');
// The checks are plain Node JavaScript (they run as `npm run validate` without a build).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const checks: ManifestChecks = require('../scripts/manifest-checks.js');

const shipped = fs.readFileSync(MANIFEST, 'utf8');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-manifest-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes a copy of the shipped manifest with `from` replaced by `to` (the first occurrence, which must exist). */
function brokenCopy(name: string, from: string | RegExp, to: string): string {
  const broken = shipped.replace(from, to);
  if (broken === shipped) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  const file = path.join(tmp, `${name}.xml`);
  fs.writeFileSync(file, broken);
  return file;
}

function errorsOf(file: string): ManifestIssue[] {
  const { issues } = checks.validateManifestFile(file, { assetsDir: ASSETS });
  return issues.filter((i) => i.severity === 'error');
}

function lineOf(file: string, needle: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('shipped manifest.xml', () => {
  it('passes every offline check with no warning', () => {
    const { issues } = checks.validateManifestFile(MANIFEST);
    expect(issues).toEqual([]);
  });

  it('passes `npm run validate`, office-addin-manifest reading it too (exit 0, says so)', () => {
    const out = execFileSync(process.execPath, [VALIDATE, MANIFEST], { encoding: 'utf8' });
    expect(out).toContain('read by office-addin-manifest: 客户数据 Kehu 1.0.0.0');
    expect(out).toMatch(/manifest is valid/);
  });

  it('has the ribbon the add-in promises: four ExecuteFunction buttons and a task pane button', () => {
    const functionNames = [...shipped.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functionNames).toEqual(['normalize', 'findDuplicates', 'rfmAndTags', 'buildReport']);
    expect(shipped).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(shipped).toMatch(/<bt:String id="Kehu.Tab.Label" DefaultValue="客户数据">/);
  });
});

describe('broken copies fail with the right message', () => {
  it('a resid that names no resource', () => {
    const file = brokenCopy('resid', '<Label resid="Kehu.Normalize.Label"/>', '<Label resid="Kehu.Normalise.Lbl"/>');
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('<Label resid="Kehu.Normalise.Lbl"> names no resource in <Resources>');
    expect(errors[0].line).toBe(lineOf(file, 'Kehu.Normalise.Lbl'));
    expect(errors[0].where).toContain('Control#Kehu.Normalize');
  });

  it('a resid that names a resource of the wrong kind', () => {
    const file = brokenCopy('kind', '<Label resid="Kehu.Normalize.Label"/>', '<Label resid="Kehu.Normalize.Tip"/>');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual(['<Label resid="Kehu.Normalize.Tip"> must name a resource in <bt:ShortStrings>, but "Kehu.Normalize.Tip" is in <bt:LongStrings>']);
  });

  it('a missing required element (<DefaultSettings>)', () => {
    const file = brokenCopy('nodefaults', /<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, '');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual(['missing required element <DefaultSettings>']);
  });

  it('a non-https URL, localhost included', () => {
    const file = brokenCopy('http', '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="http://localhost:3000/support.html"/>');
    const errors = errorsOf(file);
    expect(errors.map((e) => e.message)).toEqual(['URL is not https (localhost too must use https): "http://localhost:3000/support.html"']);
    expect(errors[0].line).toBe(lineOf(file, '<SupportUrl'));
  });

  it('a bad GUID', () => {
    const file = brokenCopy('guid', /<Id>[^<]+<\/Id>/, '<Id>5b1f3c2e-8d4a-4e6b-9f27-3a6c1d0e7b5</Id>');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual(['<Id> is not a valid GUID: "5b1f3c2e-8d4a-4e6b-9f27-3a6c1d0e7b5"']);
  });

  it('a Version that is not n.n.n.n', () => {
    const file = brokenCopy('version', '<Version>1.0.0.0</Version>', '<Version>1.0-beta</Version>');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual(['<Version> must be n.n.n.n (e.g. 1.0.0.0), found "1.0-beta"']);
  });

  it('an icon file that does not exist in assets/', () => {
    const file = brokenCopy('icon', 'assets/rfm-80.png', 'assets/rfm-81.png');
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^icon file not found: .*rfm-81\.png \(for https:\/\/localhost:3000\/assets\/rfm-81\.png\)$/);
    expect(errors[0].where).toBe('Resources/Images/Image#Kehu.Rfm.80');
  });

  it('an icon whose pixel size is not the size the manifest gives it', () => {
    const file = brokenCopy('iconsize', 'assets/rfm-80.png', 'assets/rfm-32.png');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual(['icon rfm-32.png is 32x32 px, the manifest says 80x80']);
  });

  it('a control without a FunctionName', () => {
    const file = brokenCopy('nofunction', '<FunctionName>findDuplicates</FunctionName>', '');
    const errors = errorsOf(file);
    expect(errors.map((e) => e.message)).toEqual(['<Action xsi:type="ExecuteFunction"> has no <FunctionName>']);
    expect(errors[0].where).toContain('Control#Kehu.FindDuplicates/Action');
  });

  it('a task pane button outside the shared runtime', () => {
    const file = brokenCopy('runtime', /(<TaskpaneId>Kehu.Taskpane<\/TaskpaneId>\s*)<SourceLocation resid="Kehu.Taskpane.Url"\/>/, '$1<SourceLocation resid="Kehu.Support.Url"/>');
    const messages = (errorsOf(file)).map((e) => e.message);
    expect(messages).toEqual([
      '<SourceLocation resid="Kehu.Support.Url"> must be the shared <Runtime resid> (Kehu.Taskpane.Url), or the task pane opens in a second runtime',
    ]);
  });

  it('a duplicate and an over-long resource id', () => {
    const dup = brokenCopy('dupid', '<bt:Url id="Kehu.Support.Url"', '<bt:Url id="Kehu.Taskpane.Url"');
    const dupMessages = (errorsOf(dup)).map((e) => e.message);
    expect(dupMessages).toContain('resource id "Kehu.Taskpane.Url" is defined twice');

    const longId = 'Kehu.Normalize.Label.ThatIsTooLong'; // 34 characters
    const long = brokenCopy('longid', /Kehu\.Normalize\.Label/g, longId);
    const longMessages = (errorsOf(long)).map((e) => e.message);
    expect(longMessages).toEqual([`resource id "${longId}" is longer than 32 characters`]);
  });

  it('elements out of schema order and XML that is not well-formed', () => {
    const moved = shipped.replace('  <Version>1.0.0.0</Version>\n', '').replace('<Id>', '<Version>1.0.0.0</Version>\n  <Id>');
    const swapped = path.join(tmp, 'order.xml');
    fs.writeFileSync(swapped, moved);
    const orderMessages = (errorsOf(swapped)).map((e) => e.message);
    expect(orderMessages).toEqual(['<Version> must come after <Id> (the schema fixes the order)']);

    const bad = brokenCopy('malformed', '</Permissions>', '</Permission>');
    const errors = errorsOf(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^not well-formed XML: /);
    expect(errors[0].line).toBe(lineOf(bad, '</Permission>'));
  });

  it('the command line prints file:line and exits 1', () => {
    const file = brokenCopy('cli', '<Label resid="Kehu.Normalize.Label"/>', '<Label resid="Kehu.Missing"/>');
    const run = spawnSync(process.execPath, [VALIDATE, file, '--assets', ASSETS], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cli.xml:${lineOf(file, 'Kehu.Missing')}: error: <Label resid="Kehu.Missing"> names no resource in <Resources>`);
    expect(run.stderr).toMatch(/manifest is NOT valid \(1 error\)/);
  });
});
