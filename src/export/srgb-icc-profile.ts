/**
 * A small ICC (version 2.1) display profile for sRGB, built from the numbers of IEC 61966-2-1 rather than
 * shipped as a file: the PDF/A output intent needs one, and its few hundred bytes carry no licence.
 * Matrix/TRC form: the primaries adapted to the D50 connection space (Bradford), as in the usual sRGB
 * profiles, D65 as media white point, and the sRGB tone curve sampled at 1,024 points.
 */

const D50 = [0.9642, 1, 0.8249];
const D65 = [0.950455, 1, 1.08905];
const PRIMARIES_D50 = {
  rXYZ: [0.436066, 0.222488, 0.013916],
  gXYZ: [0.385147, 0.716873, 0.097076],
  bXYZ: [0.143066, 0.060608, 0.714096],
};
const CURVE_POINTS = 1024;

const ascii = (text: string) => Buffer.from(text, 'latin1');

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** s15Fixed16Number, ICC's signed fixed point. */
function fixed(values: number[]): Buffer {
  const bytes = Buffer.alloc(4 * values.length);
  values.forEach((value, index) => bytes.writeInt32BE(Math.round(value * 65536), 4 * index));
  return bytes;
}

const xyzTag = (values: number[]) => Buffer.concat([ascii('XYZ '), uint32(0), fixed(values)]);

const textTag = (text: string) => Buffer.concat([ascii('text'), uint32(0), ascii(`${text}\0`)]);

/** textDescriptionType: the ASCII name, then empty Unicode and ScriptCode parts as version 2 wants them. */
function descriptionTag(text: string): Buffer {
  return Buffer.concat([
    ascii('desc'),
    uint32(0),
    uint32(text.length + 1),
    ascii(`${text}\0`),
    uint32(0),
    uint32(0),
    Buffer.alloc(2 + 1 + 67),
  ]);
}

/** The sRGB transfer function: linear near black, then a 2.4 power. */
function curveTag(): Buffer {
  const points = Buffer.alloc(2 * CURVE_POINTS);
  for (let index = 0; index < CURVE_POINTS; index++) {
    const x = index / (CURVE_POINTS - 1);
    const y = x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    points.writeUInt16BE(Math.round(y * 65535), 2 * index);
  }
  return Buffer.concat([ascii('curv'), uint32(0), uint32(CURVE_POINTS), points]);
}

const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);

function header(size: number): Buffer {
  const bytes = Buffer.alloc(128);
  bytes.writeUInt32BE(size, 0);
  bytes.writeUInt32BE(0x02100000, 8); // version 2.1
  bytes.write('mntr', 12, 'latin1'); // a display profile
  bytes.write('RGB ', 16, 'latin1');
  bytes.write('XYZ ', 20, 'latin1');
  [2026, 1, 1, 0, 0, 0].forEach((part, index) => bytes.writeUInt16BE(part, 24 + 2 * index));
  bytes.write('acsp', 36, 'latin1');
  fixed(D50).copy(bytes, 68); // the connection space's illuminant
  return bytes;
}

function build(): Buffer {
  const curve = curveTag();
  // The three channels share one curve: tags may point at the same data.
  const tags: [string, Buffer][] = [
    ['desc', descriptionTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D65)],
    ['rXYZ', xyzTag(PRIMARIES_D50.rXYZ)],
    ['gXYZ', xyzTag(PRIMARIES_D50.gXYZ)],
    ['bXYZ', xyzTag(PRIMARIES_D50.bXYZ)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + 12 * tags.length;
  const table: Buffer[] = [uint32(tags.length)];
  const data: Buffer[] = [];
  const placed = new Map<Buffer, number>();
  let offset = 128 + tableSize;
  for (const [signature, body] of tags) {
    let at = placed.get(body);
    if (at === undefined) {
      at = offset;
      placed.set(body, at);
      // Each tag starts on a four-byte boundary; its size in the table leaves the padding out.
      data.push(padded(body));
      offset += padded(body).length;
    }
    table.push(ascii(signature), uint32(at), uint32(body.length));
  }
  return Buffer.concat([header(offset), ...table, ...data]);
}

let profile: Buffer | undefined;

/** The profile's bytes, built once. */
export function srgbIccProfile(): Buffer {
  profile ??= build();
  return profile;
}
