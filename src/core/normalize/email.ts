/**
 * E-mail addresses: trimmed, lower-cased, full-width characters folded, `mailto:` and `Name <…>` stripped,
 * then a syntax check of the local part and a plausible-domain check. Likely typos of common mail domains
 * are noted, never changed: only the user knows whether `qq.con` was meant.
 */
import { CellValue } from '../cell';
import { foldWidth, trimAll } from './text';
import { Normalized, invalid, ok, precheck } from './types';

const MAX_LENGTH = 254; // RFC 5321 path limit
const MAX_LOCAL = 64;
const MAX_LABEL = 63;

/** RFC 5322 dot-atom characters of the local part. */
const LOCAL_CHARS = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
/** A domain label: letters (any script, for IDN), digits and inner hyphens. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
/** A top-level domain: letters only (any script), or an IDN in punycode. */
const TLD = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;
const ANGLE = /<([^<>]*@[^<>]*)>/;
const SEPARATORS = /[\s,;，；、/]+/;

/**
 * Mail domains most used by Chinese customers, to spot typos against. A short list written by hand:
 * no maintained library for this ships in the project, and a typo is only ever noted.
 */
const COMMON_DOMAINS = [
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'vip.163.com', 'sina.com', 'sina.cn',
  'sohu.com', '139.com', '189.cn', 'aliyun.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'icloud.com',
  'yahoo.com',
];
const COMMON_SET = new Set(COMMON_DOMAINS);
/** TLDs that are slips for .com / .cn / .net rather than real ones. */
const TLD_SLIPS: ReadonlyMap<string, string> = new Map([
  ['con', 'com'], ['cmo', 'com'], ['comm', 'com'], ['ocm', 'com'], ['vom', 'com'], ['xom', 'com'], ['coom', 'com'],
  ['cnn', 'cn'], ['nte', 'net'], ['ent', 'net'],
]);

/** Any cell value to a normalized e-mail address; never throws. */
export function normalizeEmail(v: CellValue): Normalized<string> {
  const pre = precheck<string>(v);
  if (pre) return pre;
  if (typeof v === 'string') return fromText(v);
  if (typeof v === 'number') return invalid('是数字，不是邮箱');
  if (typeof v === 'boolean') return invalid('是真/假值，不是邮箱');
  if (v instanceof Date) return invalid('是日期，不是邮箱');
  return invalid('无法识别的单元格值');
}

function fromText(raw: string): Normalized<string> {
  if (raw.length > 1000) return invalid(`内容过长（${raw.length} 个字符），不是邮箱`);
  // `。` typed for `.` on Chinese keyboards is folded with the full-width characters.
  let t = trimAll(foldWidth(raw).replace(/。/g, '.')).toLowerCase();
  const notes: string[] = [];

  const angle = ANGLE.exec(t);
  if (angle) t = angle[1].trim();
  if (t.startsWith('mailto:')) t = t.slice(7).split('?')[0].trim();

  const pieces = t.split(SEPARATORS).filter((p) => p.length > 0);
  if (pieces.length > 1) {
    const withAt = pieces.filter((p) => p.includes('@'));
    if (withAt.length > 1) {
      t = withAt[0];
      notes.push(`另有邮箱未保留：${withAt.slice(1).join('、')}`);
    } else if (/^\S+\s*@\s*\S+$/.test(t)) {
      // `abc @ qq.com`: spaces around the @ only.
      t = t.replace(/\s+/g, '');
      notes.push('去掉了 @ 两边的空格');
    } else if (withAt.length === 1) {
      t = withAt[0];
      notes.push('忽略了邮箱以外的文字');
    }
  }

  const problem = whyInvalid(t);
  if (problem) return invalid(problem);
  const typo = likelyTypo(t.slice(t.lastIndexOf('@') + 1));
  if (typo) notes.push(typo);
  return notes.length > 0 ? ok(t, notes.join('；')) : ok(t);
}

function whyInvalid(t: string): string | null {
  if (t.length > MAX_LENGTH) return `邮箱过长（${t.length} 个字符）`;
  const at = t.indexOf('@');
  if (at < 0) return '缺少 @';
  if (t.indexOf('@', at + 1) >= 0) return '有多个 @';
  const local = t.slice(0, at);
  const domain = t.slice(at + 1);
  if (local.length === 0) return '@ 前面是空的';
  if (local.length > MAX_LOCAL) return `@ 前面过长（${local.length} 个字符）`;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return '@ 前面的点位置不对';
  if (!local.split('.').every((part) => LOCAL_CHARS.test(part))) return '@ 前面有不允许的字符';
  return whyDomainInvalid(domain);
}

function whyDomainInvalid(domain: string): string | null {
  if (domain.length === 0) return '@ 后面缺少域名';
  if (!domain.includes('.')) return `域名 ${domain} 没有点（如 qq.com）`;
  if (domain.includes('..')) return `域名 ${domain} 有连续的点`;
  if (domain.startsWith('.') || domain.endsWith('.')) return `域名 ${domain} 以点开头或结尾`;
  const labels = domain.split('.');
  for (const label of labels) {
    if (label.length > MAX_LABEL) return `域名 ${domain} 有一段过长`;
    if (label.startsWith('-') || label.endsWith('-')) return `域名 ${domain} 有一段以 - 开头或结尾`;
    if (!LABEL.test(label)) return `域名 ${domain} 有不允许的字符`;
  }
  const tld = labels[labels.length - 1];
  if (!TLD.test(tld)) return `域名后缀 .${tld} 不对（应为至少两个字母）`;
  return null;
}

/** A note when the domain is one edit away from a common mail domain, or its TLD is a known slip. */
function likelyTypo(domain: string): string | null {
  if (COMMON_SET.has(domain)) return null;
  for (const common of COMMON_DOMAINS) {
    if (withinOneEdit(domain, common)) return `域名可能拼错：是 ${common} 吗？（未修改）`;
  }
  const dot = domain.lastIndexOf('.');
  const fix = TLD_SLIPS.get(domain.slice(dot + 1));
  return fix ? `域名后缀可能拼错：是 .${fix} 吗？（未修改）` : null;
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
