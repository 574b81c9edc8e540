import { escapeMarkup } from '../common/escape-markup.js';
import { deflateSync } from 'node:zlib';
import { ref, type PdfObjects } from './pdf-objects.js';
import { srgbIccProfile } from './srgb-icc-profile.js';

/** What the document information dictionary says; the XMP packet must say the same (PDF/A-2, 6.6.2.3). */
export interface DocumentFacts {
  title: string;
  author?: string;
  subject?: string;
  creator: string;
  createdAt: Date;
}

/** XML text content; characters XML 1.0 cannot hold at all are left out. */
const xmlText = escapeMarkup;

/** The same instant as the Info dictionary's `D:…Z` date, in XMP's form. */
const xmpDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

const alternative = (text: string) =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;

/** The XMP packet that claims PDF/A-2b and repeats the document information. */
function xmpPacket(facts: DocumentFacts): Buffer {
  const date = xmpDate(facts.createdAt);
  const properties = [
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alternative(facts.title)}</dc:title>`,
    facts.author === undefined
      ? ''
      : `<dc:creator><rdf:Seq><rdf:li>${xmlText(facts.author)}</rdf:li></rdf:Seq></dc:creator>`,
    facts.subject === undefined ? '' : `<dc:description>${alternative(facts.subject)}</dc:description>`,
    `<xmp:CreatorTool>${xmlText(facts.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
  ].filter((property) => property !== '');
  const packet = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return Buffer.from(packet.join('\n'), 'utf8');
}

/**
 * The catalog entries that make the file an archival one (PDF/A-2b): the XMP metadata, left uncompressed
 * so that tools which do not parse PDF still find it, and the sRGB output intent that gives DeviceGray
 * its meaning.
 */
export function addArchivalParts(objects: PdfObjects, facts: DocumentFacts): string {
  const metadata = objects.add({ entries: '/Type /Metadata /Subtype /XML', data: xmpPacket(facts) });
  const profile = objects.add({ entries: '/N 3 /Filter /FlateDecode', data: deflateSync(srgbIccProfile()) });
  const condition = '(sRGB IEC61966-2.1)';
  const outputIntent = objects.add(
    `<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ${condition} /Info ${condition}` +
      ` /DestOutputProfile ${ref(profile)} >>`,
  );
  return `/Metadata ${ref(metadata)} /OutputIntents [${ref(outputIntent)}]`;
}
