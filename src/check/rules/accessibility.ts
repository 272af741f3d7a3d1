import { DomUtils } from 'htmlparser2';
import type { Diagnostic } from '../../types.js';
import { isTag, type HtmlDocument, type HtmlElement } from '../html-document.js';
import { finding } from '../rule-set.js';

export function checkLang(document: HtmlDocument): Diagnostic[] {
  const html = document.elements('html')[0];
  const lang = html?.attribs.lang?.trim() ?? '';
  if (lang !== '' && lang.toLowerCase() !== 'und') return [];
  const place = html ? document.placeOf(html) : { file: document.source.file };
  const problem = lang === '' ? 'has no lang attribute' : 'has lang="und"';
  return [finding('a11y/lang', `<html> ${problem}: screen readers need the language to pronounce the text (set lang on <mjml>)`, place)];
}

const isHidden = (image: HtmlElement) => image.attribs['aria-hidden'] === 'true' || ['presentation', 'none'].includes(image.attribs.role ?? '');

/** A tracking pixel or spacer: one pixel wide or high by its attributes. */
const isSpacer = (image: HtmlElement) => ['width', 'height'].some((side) => Number.parseInt(image.attribs[side] ?? '', 10) <= 1);

export function checkImageAlt(document: HtmlDocument): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const image of document.elements('img')) {
    const alt = image.attribs.alt;
    const src = image.attribs.src ?? '';
    if (alt === undefined) {
      findings.push(finding('a11y/img-alt', `image "${src}" has no alt attribute: screen readers read out its file name, and blocked images leave a blank (set image_alt in the front matter)`, document.placeOf(image)));
    } else if (alt.trim() === '' && !isHidden(image) && !isSpacer(image)) {
      findings.push(finding('a11y/img-alt-empty', `image "${src}" has empty alt text, which marks it as decorative: describe it if it carries content`, document.placeOf(image)));
    }
  }
  return findings;
}

function closestTable(element: HtmlElement): HtmlElement | null {
  for (let parent = element.parent; parent; parent = parent.parent) if (isTag(parent) && parent.name === 'table') return parent;
  return null;
}

/** Tables with their own headers or caption hold data; every other table in an email lays it out. */
const isDataTable = (table: HtmlElement) =>
  DomUtils.findAll((element) => element.name === 'th' || element.name === 'caption', table.children).some((cell) => closestTable(cell) === table);

export function checkLayoutTables(document: HtmlDocument): Diagnostic[] {
  return document.elements('table')
    .filter((table) => !['presentation', 'none'].includes(table.attribs.role ?? '') && !isDataTable(table))
    .map((table) => finding('a11y/layout-table', 'layout table without role="presentation": screen readers announce its rows and columns', document.placeOf(table)));
}
