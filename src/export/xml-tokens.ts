import { SheetReadError } from './sheet-read-error.js';

/**
 * One step through an XML document. Element names are local names (`x:c` is `c`): spreadsheet parts put
 * their elements in one namespace, under whatever prefix the writer chose. Attribute names stay as written.
 * A self-closing element gives an `open` and then a `close`, so that readers need not tell the two apart.
 */
export type XmlToken =
  | { kind: 'open'; name: string; attributes: ReadonlyMap<string, string> }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ENTITY = /&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);|&/g;
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const SLASH = 0x2f;
const QUESTION_MARK = 0x3f;
const EXCLAMATION_MARK = 0x21;
const GREATER_THAN = 0x3e;
// Characters that end a name, by code; an element or attribute name is everything else.
const ENDS_NAME: boolean[] = [];
for (const char of ' \t\r\n=/>"\'<') ENDS_NAME[char.charCodeAt(0)] = true;

/**
 * The tokens of an XML document, checked for well-formed nesting, with entities and character references
 * decoded. Made for the parts of spreadsheet packages: a DOCTYPE is refused (no entity may expand), comments
 * and processing instructions are skipped, CDATA is text. Each step finds its end with `indexOf`, so the
 * work grows in step with the input, whatever its shape. `where` names the part in error messages.
 */
export function* xmlTokens(xml: string, where: string): Generator<XmlToken> {
  const fail = (detail: string) => new SheetReadError('SHEET.CORRUPT', `文件已损坏：${where}${detail}`);
  const open: string[] = [];
  let at = 0;
  while (at < xml.length) {
    const tag = xml.indexOf('<', at);
    if (tag < 0) {
      yield { kind: 'text', text: decodeEntities(xml.slice(at), fail) };
      break;
    }
    if (tag > at) yield { kind: 'text', text: decodeEntities(xml.slice(at, tag), fail) };
    const marker = xml.charCodeAt(tag + 1);
    if (marker === SLASH) {
      at = after(xml, '>', tag + 2, fail);
      const name = xml.slice(tag + 2, at - 1).trim();
      if (open.pop() !== name) throw fail(`的 </${name}> 没有对应的开始标签`);
      yield { kind: 'close', name: localName(name) };
    } else if (marker === QUESTION_MARK) {
      at = after(xml, '?>', tag + 2, fail);
    } else if (marker !== EXCLAMATION_MARK) {
      const element = startTag(xml, tag + 1, fail);
      const name = localName(element.name);
      yield { kind: 'open', name, attributes: element.attributes };
      if (element.selfClosing) yield { kind: 'close', name };
      else open.push(element.name);
      at = element.end;
    } else if (xml.startsWith('<!--', tag)) {
      at = after(xml, '-->', tag + 4, fail);
    } else if (xml.startsWith('<![CDATA[', tag)) {
      const end = after(xml, ']]>', tag + 9, fail);
      yield { kind: 'text', text: xml.slice(tag + 9, end - 3) };
      at = end;
    } else {
      throw fail('含有 DTD 声明');
    }
  }
  if (open.length > 0) throw fail(`的 <${open[open.length - 1]}> 没有结束`);
}

interface StartTag {
  name: string;
  attributes: ReadonlyMap<string, string>;
  selfClosing: boolean;
  /** Index just after the closing `>`. */
  end: number;
}

function startTag(xml: string, start: number, fail: (detail: string) => Error): StartTag {
  let at = skipName(xml, start);
  const name = xml.slice(start, at);
  if (name === '') throw fail('有一个没有名字的标签');
  let attributes: Map<string, string> | undefined; // most elements have none: spare them a Map
  for (;;) {
    at = skipSpace(xml, at);
    if (at >= xml.length) throw fail(`的 <${name}> 标签没有结束`);
    const code = xml.charCodeAt(at);
    if (code === GREATER_THAN || (code === SLASH && xml.charCodeAt(at + 1) === GREATER_THAN)) {
      const selfClosing = code === SLASH;
      return { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing, end: at + (selfClosing ? 2 : 1) };
    }
    const nameEnd = skipName(xml, at);
    const attribute = xml.slice(at, nameEnd);
    at = skipSpace(xml, nameEnd);
    const quote = xml[skipSpace(xml, at + 1)];
    if (attribute === '' || xml[at] !== '=' || (quote !== '"' && quote !== "'")) {
      throw fail(`的 <${name}> 标签里有格式错误的属性`);
    }
    const valueStart = skipSpace(xml, at + 1) + 1;
    const valueEnd = xml.indexOf(quote, valueStart);
    if (valueEnd < 0) throw fail(`的 <${name}> 标签里有未闭合的引号`);
    (attributes ??= new Map()).set(attribute, decodeEntities(xml.slice(valueStart, valueEnd), fail));
    at = valueEnd + 1;
  }
}

function skipName(xml: string, at: number): number {
  while (at < xml.length && !ENDS_NAME[xml.charCodeAt(at)]) at++;
  return at;
}

function skipSpace(xml: string, at: number): number {
  while (at < xml.length && isXmlSpace(xml.charCodeAt(at))) at++;
  return at;
}

/** Space, tab, line feed or carriage return: what XML counts as white space. */
export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function after(xml: string, terminator: string, from: number, fail: (detail: string) => Error): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw fail('在结尾处被截断');
  return end + terminator.length;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

/** `&amp;` and the other four XML entities, `&#NNN;` and `&#xHH;`; anything else is not XML. */
export function decodeEntities(text: string, fail: (detail: string) => Error): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string | undefined) => {
    if (body === undefined) throw fail('含有未转义的 &');
    if (body[0] !== '#') {
      const named = NAMED_ENTITIES.get(body);
      if (named === undefined) throw fail(`含有未定义的实体 ${whole}`);
      return named;
    }
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
      throw fail(`含有无效的字符引用 ${whole}`);
    }
    return String.fromCodePoint(code);
  });
}
