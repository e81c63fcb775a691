'use strict';
// Offline checks for an add-in only (XML) manifest of a task pane add-in with add-in commands.
// office-addin-manifest can read a manifest offline but validates only through an online service, so the rules
// Office applies when it loads a manifest (and that the online service reports) are checked here over the XML.
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

/**
 * @typedef {{ severity: 'error' | 'warning', message: string, where: string, line?: number }} ManifestIssue
 * @typedef {{ assetsDir?: string, baseUrl?: string }} CheckOptions
 *   assetsDir: the folder served as `<baseUrl>assets/`; baseUrl: where the add-in's own files are served from.
 */

const DEFAULT_BASE_URL = 'https://localhost:3000/';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const MAX_RESOURCE_ID = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const MAX_DESCRIPTION = 250; // <Description> of the add-in itself
const BUTTON_ICON_SIZES = ['16', '32', '80'];

/** The top-level elements of a TaskPaneApp, in the order the schema requires; `required` ones must be present. */
const TOP_LEVEL = [
  { name: 'Id', required: true },
  { name: 'AlternateId' },
  { name: 'Version', required: true },
  { name: 'ProviderName', required: true },
  { name: 'DefaultLocale', required: true },
  { name: 'DisplayName', required: true },
  { name: 'Description', required: true },
  { name: 'IconUrl', required: true },
  { name: 'HighResolutionIconUrl', required: true },
  { name: 'SupportUrl', required: true },
  { name: 'AppDomains' },
  { name: 'Hosts', required: true },
  { name: 'Requirements', required: true },
  { name: 'DefaultSettings', required: true },
  { name: 'Permissions', required: true },
  { name: 'VersionOverrides', required: true },
];

/** Resource kinds under <Resources>, and which kind each element that carries a resid must point at. */
const RESOURCE_KINDS = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };
const RESID_KIND = {
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Page: 'Urls',
  Script: 'Urls',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true, // bt:Image -> Image, xsi:type -> type: the checks do not depend on the prefixes chosen
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute, // every element is a list: one shape to walk
  alwaysCreateTextNode: true,
  captureMetaData: true, // start offsets, to report line numbers
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});
const META = XMLParser.getMetaDataSymbol();

const kids = (node, name) => (node && Array.isArray(node[name]) ? node[name] : []);
const kid = (node, name) => kids(node, name)[0];
const attr = (node, name) => (node && typeof node[`@${name}`] === 'string' ? node[`@${name}`] : undefined);
const text = (node) => (node && typeof node['#text'] === 'string' ? node['#text'].trim() : '');
const childNames = (node) => Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text');

/** Checks manifest XML text. Returns every problem found; an empty list means the manifest is valid. */
function checkManifestXml(xml, options = {}) {
  const baseUrl = options.baseUrl || DEFAULT_BASE_URL;
  /** @type {ManifestIssue[]} */
  const issues = [];
  const newlines = [];
  for (let i = 0; i < xml.length; i++) if (xml[i] === '\n') newlines.push(i);
  const lineOf = (node) => {
    const at = node && node[META] ? node[META].startIndex : undefined;
    if (at === undefined) return undefined;
    let lo = 0, hi = newlines.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (newlines[mid] < at) lo = mid + 1; else hi = mid; }
    return lo + 1;
  };
  const error = (message, where, node) => issues.push({ severity: 'error', message, where, line: lineOf(node) });
  const warning = (message, where, node) => issues.push({ severity: 'warning', message, where, line: lineOf(node) });

  const syntax = XMLValidator.validate(xml);
  if (syntax !== true) {
    issues.push({ severity: 'error', message: `not well-formed XML: ${syntax.err.msg}`, where: 'document', line: syntax.err.line });
    return issues;
  }
  const doc = parser.parse(xml);
  const app = kid(doc, 'OfficeApp');
  if (!app) {
    error('the root element must be <OfficeApp>', 'document');
    return issues;
  }
  if (attr(app, 'type') !== 'TaskPaneApp') error(`<OfficeApp xsi:type> must be "TaskPaneApp", found "${attr(app, 'type') ?? ''}"`, 'OfficeApp', app);

  checkTopLevel(app, xml, { error, lineOf });
  checkUrls(doc, { error });
  const resources = collectResources(app, { error });
  checkResids(app, resources, { error, warning });
  checkVersionOverrides(app, { error });
  checkIcons(app, resources, options.assetsDir, baseUrl, { error });
  return issues;
}

function checkTopLevel(app, xml, { error }) {
  let lastIndex = -1;
  let lastName = '';
  for (const { name, required } of TOP_LEVEL) {
    const node = kid(app, name);
    if (!node) {
      if (required) error(`missing required element <${name}>`, 'OfficeApp', app);
      continue;
    }
    const at = node[META] ? node[META].startIndex : -1;
    if (at < lastIndex) error(`<${name}> must come after <${lastName}> (the schema fixes the order)`, `OfficeApp/${name}`, node);
    else { lastIndex = at; lastName = name; }
  }
  const known = new Set(TOP_LEVEL.map((t) => t.name));
  for (const name of childNames(app)) if (!known.has(name)) error(`unknown element <${name}> in <OfficeApp>`, `OfficeApp/${name}`, kid(app, name));

  const id = kid(app, 'Id');
  if (id && !GUID.test(text(id))) error(`<Id> is not a valid GUID: "${text(id)}"`, 'OfficeApp/Id', id);
  const version = kid(app, 'Version');
  if (version && !VERSION.test(text(version))) error(`<Version> must be n.n.n.n (e.g. 1.0.0.0), found "${text(version)}"`, 'OfficeApp/Version', version);
  const provider = kid(app, 'ProviderName');
  if (provider && !text(provider)) error('<ProviderName> is empty', 'OfficeApp/ProviderName', provider);
  const locale = kid(app, 'DefaultLocale');
  if (locale && !LOCALE.test(text(locale))) error(`<DefaultLocale> is not a culture name like zh-CN: "${text(locale)}"`, 'OfficeApp/DefaultLocale', locale);

  for (const [name, max] of [['DisplayName', MAX_SHORT_STRING], ['Description', MAX_DESCRIPTION]]) {
    const node = kid(app, name);
    if (!node) continue;
    checkLocalizedValue(node, `OfficeApp/${name}`, max, error);
  }
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const node = kid(app, name);
    if (node && !attr(node, 'DefaultValue')) error(`<${name}> has no DefaultValue`, `OfficeApp/${name}`, node);
  }

  const hosts = kids(kid(app, 'Hosts'), 'Host');
  if (kid(app, 'Hosts') && hosts.length === 0) error('<Hosts> lists no <Host>', 'OfficeApp/Hosts', kid(app, 'Hosts'));
  for (const host of hosts) if (!attr(host, 'Name')) error('<Host> has no Name', 'OfficeApp/Hosts/Host', host);

  const settings = kid(app, 'DefaultSettings');
  if (settings) {
    const source = kid(settings, 'SourceLocation');
    if (!source || !attr(source, 'DefaultValue')) error('<DefaultSettings> has no <SourceLocation DefaultValue="...">', 'OfficeApp/DefaultSettings', settings);
  }
  const permissions = kid(app, 'Permissions');
  if (permissions && !PERMISSIONS.includes(text(permissions))) {
    error(`<Permissions> must be one of ${PERMISSIONS.join(', ')}, found "${text(permissions)}"`, 'OfficeApp/Permissions', permissions);
  }
}

function checkLocalizedValue(node, where, max, error) {
  const value = attr(node, 'DefaultValue');
  if (value === undefined || value === '') error(`<${where.split('/').pop()}> has no DefaultValue`, where, node);
  else if ([...value].length > max) error(`text is longer than ${max} characters (${[...value].length})`, where, node);
  for (const override of kids(node, 'Override')) {
    const locale = attr(override, 'Locale');
    const v = attr(override, 'Value');
    if (!locale || !LOCALE.test(locale)) error(`<Override> has a bad Locale "${locale ?? ''}"`, `${where}/Override`, override);
    if (v === undefined || v === '') error(`<Override Locale="${locale ?? ''}"> has no Value`, `${where}/Override`, override);
    else if ([...v].length > max) error(`${locale} text is longer than ${max} characters (${[...v].length})`, `${where}/Override`, override);
  }
}

/** Every URL anywhere in the manifest (attribute values and element text) must be https, localhost included. */
function checkUrls(doc, { error }) {
  walk(doc, 'document', (node, where) => {
    const values = Object.keys(node).filter((k) => k.startsWith('@')).map((k) => node[k]);
    if (typeof node['#text'] === 'string') values.push(node['#text'].trim());
    for (const value of values) {
      if (typeof value !== 'string' || !URL_LIKE.test(value)) continue;
      if (!/^https:\/\//i.test(value)) error(`URL is not https (localhost too must use https): "${value}"`, where, node);
      else {
        try { new URL(value); } catch { error(`not a valid URL: "${value}"`, where, node); }
      }
    }
  });
}

function walk(node, where, visit) {
  visit(node, where);
  for (const name of childNames(node)) {
    for (const child of node[name]) {
      const id = attr(child, 'id');
      walk(child, `${where === 'document' ? '' : `${where}/`}${name}${id ? `#${id}` : ''}`, visit);
    }
  }
}

/** Reads <Resources>: id -> { kind, value, node }. Reports duplicate and over-long ids and over-long strings. */
function collectResources(app, { error }) {
  const resources = new Map();
  const res = kid(kid(app, 'VersionOverrides'), 'Resources');
  if (!res) return resources;
  for (const [kind, itemName] of Object.entries(RESOURCE_KINDS)) {
    for (const item of kids(kid(res, kind), itemName)) {
      const id = attr(item, 'id');
      const where = `Resources/${kind}/${itemName}${id ? `#${id}` : ''}`;
      if (!id) { error(`a resource in <${kind}> has no id`, where, item); continue; }
      if (id.length > MAX_RESOURCE_ID) error(`resource id "${id}" is longer than ${MAX_RESOURCE_ID} characters`, where, item);
      if (resources.has(id)) error(`resource id "${id}" is defined twice`, where, item);
      resources.set(id, { kind, value: attr(item, 'DefaultValue'), node: item, used: false });
      if (kind === 'ShortStrings') checkLocalizedValue(item, where, MAX_SHORT_STRING, error);
      else if (kind === 'LongStrings') checkLocalizedValue(item, where, MAX_LONG_STRING, error);
      else if (!attr(item, 'DefaultValue')) error(`resource "${id}" has no DefaultValue`, where, item);
    }
  }
  return resources;
}

/** Every resid names a resource of the kind its element needs; unused resources are worth a warning. */
function checkResids(app, resources, { error, warning }) {
  const overrides = kid(app, 'VersionOverrides');
  if (!overrides) return;
  walk({ VersionOverrides: [overrides] }, 'document', (node, where) => {
    const resid = attr(node, 'resid');
    if (resid === undefined) return;
    const element = where.split('/').pop().split('#')[0];
    const resource = resources.get(resid);
    if (!resource) { error(`<${element} resid="${resid}"> names no resource in <Resources>`, where, node); return; }
    resource.used = true;
    const wanted = RESID_KIND[element];
    if (wanted && resource.kind !== wanted) {
      error(`<${element} resid="${resid}"> must name a resource in <bt:${wanted}>, but "${resid}" is in <bt:${resource.kind}>`, where, node);
    }
  });
  for (const [id, r] of resources) if (!r.used) warning(`resource "${id}" is never used`, `Resources/${r.kind}`, r.node);
}

function checkVersionOverrides(app, { error }) {
  const overrides = kid(app, 'VersionOverrides');
  if (!overrides) return;
  const vo = 'VersionOverrides';
  if (attr(overrides, 'type') !== 'VersionOverridesV1_0') error(`<VersionOverrides xsi:type> must be "VersionOverridesV1_0", found "${attr(overrides, 'type') ?? ''}"`, vo, overrides);
  if (!kid(overrides, 'Resources')) error('missing required element <Resources> in <VersionOverrides>', vo, overrides);
  const hostsNode = kid(overrides, 'Hosts');
  const hosts = kids(hostsNode, 'Host');
  if (hosts.length === 0) { error('missing required element <Hosts>/<Host> in <VersionOverrides>', vo, overrides); return; }

  const declared = kids(kid(app, 'Hosts'), 'Host').map((h) => attr(h, 'Name'));
  const sets = kids(kid(kid(app, 'Requirements'), 'Sets'), 'Set').map((s) => attr(s, 'Name'));
  const ids = new Map();
  const noteId = (node, where) => {
    const id = attr(node, 'id');
    if (!id) { error(`<${where.split('/').pop()}> has no id`, where, node); return; }
    if (ids.has(id)) error(`id "${id}" is used twice (tabs, groups and controls need unique ids)`, where, node);
    ids.set(id, true);
  };

  for (const host of hosts) {
    const type = attr(host, 'type');
    const hw = `${vo}/Hosts/Host[${type ?? '?'}]`;
    if (!declared.includes(type)) error(`<Host xsi:type="${type ?? ''}"> is not one of the <Hosts> declared at the top (${declared.join(', ')})`, hw, host);
    const runtimes = kids(kid(host, 'Runtimes'), 'Runtime');
    const runtimeResids = runtimes.map((r) => attr(r, 'resid'));
    for (const runtime of runtimes) {
      const lifetime = attr(runtime, 'lifetime');
      if (!attr(runtime, 'resid')) error('<Runtime> has no resid', `${hw}/Runtimes/Runtime`, runtime);
      if (lifetime !== undefined && lifetime !== 'long' && lifetime !== 'short') error(`<Runtime lifetime> must be "long" or "short", found "${lifetime}"`, `${hw}/Runtimes/Runtime`, runtime);
    }
    if (runtimes.length > 0 && !sets.includes('SharedRuntime')) error('<Runtimes> is set but <Requirements> does not ask for SharedRuntime', `${hw}/Runtimes`, kid(host, 'Runtimes'));
    if (runtimes.length === 0 && sets.includes('SharedRuntime')) error('<Requirements> asks for SharedRuntime but the <Host> has no <Runtimes>', hw, host);

    const desktop = kid(host, 'DesktopFormFactor');
    if (!desktop) { error('missing required element <DesktopFormFactor>', hw, host); continue; }
    const dw = `${hw}/DesktopFormFactor`;
    const functionFile = kid(desktop, 'FunctionFile');
    if (!functionFile && runtimes.length === 0) error('neither <FunctionFile> nor <Runtimes>: ribbon functions have no page to run in', dw, desktop);
    if (functionFile && runtimes.length > 0 && !runtimeResids.includes(attr(functionFile, 'resid'))) {
      error(`<FunctionFile resid="${attr(functionFile, 'resid')}"> must be the shared <Runtime resid> (${runtimeResids.join(', ')})`, `${dw}/FunctionFile`, functionFile);
    }

    const points = kids(desktop, 'ExtensionPoint');
    if (!points.some((p) => attr(p, 'type') === 'PrimaryCommandSurface')) error('no <ExtensionPoint xsi:type="PrimaryCommandSurface">', dw, desktop);
    for (const point of points) {
      const pw = `${dw}/ExtensionPoint[${attr(point, 'type') ?? '?'}]`;
      const tabs = [
        ...kids(point, 'CustomTab').map((tab) => ({ tab, kind: 'CustomTab' })),
        ...kids(point, 'OfficeTab').map((tab) => ({ tab, kind: 'OfficeTab' })),
      ];
      if (tabs.length === 0) error('the extension point has no <CustomTab> or <OfficeTab>', pw, point);
      for (const { tab, kind } of tabs) {
        const tw = `${pw}/${kind}#${attr(tab, 'id') ?? '?'}`;
        if (kind === 'CustomTab') {
          noteId(tab, tw);
          if (!kid(tab, 'Label')) error('<CustomTab> has no <Label>', tw, tab);
        }
        const groups = kids(tab, 'Group');
        if (groups.length === 0 && kids(tab, 'OfficeGroup').length === 0) error('the tab has no <Group>', tw, tab);
        for (const group of groups) {
          const gw = `${tw}/Group#${attr(group, 'id') ?? '?'}`;
          noteId(group, gw);
          if (!kid(group, 'Label')) error('<Group> has no <Label>', gw, group);
          checkIconSizes(group, gw, error);
          const controls = kids(group, 'Control');
          if (controls.length === 0) error('<Group> has no <Control>', gw, group);
          for (const control of controls) {
            checkControl(control, `${gw}/Control#${attr(control, 'id') ?? '?'}`, { error, noteId, functionFile, runtimeResids });
          }
        }
      }
    }
  }
}

function checkControl(control, cw, { error, noteId, functionFile, runtimeResids }) {
  noteId(control, cw);
  const type = attr(control, 'type');
  if (type !== 'Button' && type !== 'Menu') error(`<Control xsi:type> must be "Button" or "Menu", found "${type ?? ''}"`, cw, control);
  if (!kid(control, 'Label')) error('<Control> has no <Label>', cw, control);
  const tip = kid(control, 'Supertip');
  if (!tip) error('<Control> has no <Supertip>', cw, control);
  else {
    if (!kid(tip, 'Title')) error('<Supertip> has no <Title>', `${cw}/Supertip`, tip);
    if (!kid(tip, 'Description')) error('<Supertip> has no <Description>', `${cw}/Supertip`, tip);
  }
  checkIconSizes(control, cw, error);
  if (type === 'Menu') {
    const items = kids(kid(control, 'Items'), 'Item');
    if (items.length === 0) error('<Control xsi:type="Menu"> has no <Items>/<Item>', cw, control);
    for (const item of items) checkAction(item, `${cw}/Items/Item#${attr(item, 'id') ?? '?'}`, { error, functionFile, runtimeResids });
    return;
  }
  checkAction(control, cw, { error, functionFile, runtimeResids });
}

function checkAction(control, cw, { error, functionFile, runtimeResids }) {
  const action = kid(control, 'Action');
  if (!action) { error('<Control> has no <Action>', cw, control); return; }
  const aw = `${cw}/Action`;
  const type = attr(action, 'type');
  if (type === 'ExecuteFunction') {
    const fn = kid(action, 'FunctionName');
    if (!fn || !text(fn)) error('<Action xsi:type="ExecuteFunction"> has no <FunctionName>', aw, action);
    else if (!/^[A-Za-z_$][\w$.]*$/.test(text(fn))) error(`<FunctionName> is not a JavaScript name: "${text(fn)}"`, `${aw}/FunctionName`, fn);
    if (!functionFile && runtimeResids.length === 0) error('ExecuteFunction needs a <FunctionFile> or a shared <Runtime>', aw, action);
  } else if (type === 'ShowTaskpane') {
    const source = kid(action, 'SourceLocation');
    if (!source) error('<Action xsi:type="ShowTaskpane"> has no <SourceLocation>', aw, action);
    else if (runtimeResids.length > 0 && !runtimeResids.includes(attr(source, 'resid'))) {
      error(`<SourceLocation resid="${attr(source, 'resid')}"> must be the shared <Runtime resid> (${runtimeResids.join(', ')}), or the task pane opens in a second runtime`, `${aw}/SourceLocation`, source);
    }
    if (runtimeResids.length > 0 && !text(kid(action, 'TaskpaneId'))) error('a ShowTaskpane action in a shared runtime needs a <TaskpaneId>', aw, action);
  } else {
    error(`<Action xsi:type> must be "ExecuteFunction" or "ShowTaskpane", found "${type ?? ''}"`, aw, action);
  }
}

function checkIconSizes(node, where, error) {
  const icon = kid(node, 'Icon');
  if (!icon) { error(`<${where.split('/').pop().split('#')[0]}> has no <Icon>`, where, node); return; }
  const sizes = kids(icon, 'Image').map((i) => attr(i, 'size'));
  const missing = BUTTON_ICON_SIZES.filter((s) => !sizes.includes(s));
  if (missing.length) error(`<Icon> lacks the ${missing.join(', ')} px image(s)`, `${where}/Icon`, icon);
}

/** Icons served from our own assets folder must exist there and have the size the manifest says. */
function checkIcons(app, resources, assetsDir, baseUrl, { error }) {
  if (!assetsDir) return;
  const prefix = `${baseUrl.replace(/\/?$/, '/')}assets/`;
  const expectations = [];
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]]) {
    const node = kid(app, name);
    if (node && attr(node, 'DefaultValue')) expectations.push({ url: attr(node, 'DefaultValue'), size, where: `OfficeApp/${name}`, node });
  }
  const sizesByResid = new Map();
  const overrides = kid(app, 'VersionOverrides');
  if (overrides) {
    walk({ VersionOverrides: [overrides] }, 'document', (node, where) => {
      if (where.endsWith('/Image') && attr(node, 'resid') && attr(node, 'size')) sizesByResid.set(attr(node, 'resid'), Number(attr(node, 'size')));
    });
  }
  for (const [id, r] of resources) {
    if (r.kind === 'Images' && r.value) expectations.push({ url: r.value, size: sizesByResid.get(id), where: `Resources/Images/Image#${id}`, node: r.node });
  }
  for (const { url, size, where, node } of expectations) {
    if (!url.startsWith(prefix)) continue;
    const rel = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]);
    const file = path.join(assetsDir, rel);
    if (!fs.existsSync(file)) { error(`icon file not found: ${path.relative(process.cwd(), file) || file} (for ${url})`, where, node); continue; }
    const dims = pngSize(file);
    if (!dims) error(`icon is not a PNG file: ${rel}`, where, node);
    else if (size && (dims.width !== size || dims.height !== size)) error(`icon ${rel} is ${dims.width}x${dims.height} px, the manifest says ${size}x${size}`, where, node);
  }
}

function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, 'r');
  try { fs.readSync(fd, head, 0, 24, 0); } finally { fs.closeSync(fd); }
  if (head.readUInt32BE(0) !== 0x89504e47 || head.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/**
 * Reads and checks a manifest file. Assets default to `assets/` beside the manifest.
 * @returns {{ issues: ManifestIssue[] }}
 */
function validateManifestFile(manifestPath, options = {}) {
  const assetsDir = options.assetsDir || path.join(path.dirname(manifestPath), 'assets');
  let xml;
  try {
    xml = fs.readFileSync(manifestPath, 'utf8');
  } catch (e) {
    return { issues: [{ severity: 'error', message: `cannot read the manifest: ${e.message}`, where: 'file' }] };
  }
  return { issues: checkManifestXml(xml, { ...options, assetsDir }) };
}

/** One line per issue: `file:line: error: message (at where)`. */
function formatIssue(file, issue) {
  return `${file}${issue.line ? `:${issue.line}` : ''}: ${issue.severity}: ${issue.message} (at ${issue.where})`;
}

module.exports = { checkManifestXml, validateManifestFile, formatIssue, DEFAULT_BASE_URL };
