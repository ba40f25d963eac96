/**
 * lz-string's `decompressFromEncodedURIComponent`, with a ceiling on the output.
 *
 * Why a copy: LZ output can grow quadratically with its input (each code may repeat the last
 * dictionary entry plus one character), so a 500 KB link could expand to gigabytes and hang
 * the tab before we could look at its size. The library only returns at the end; this port of
 * its decoder (lz-string 1.5, WTFPL, same alphabet and bit order) stops as soon as the output
 * passes `maxChars`. A property test checks it agrees with the library on every input.
 */

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map<string, number>([...URI_SAFE_ALPHABET].map((c, i) => [c, i]));
/** Bits per input character of the URI-safe encoding. */
const RESET_VALUE = 32;

export type BoundedResult =
  /** The decompressed text; `null` when the input is not an lz-string stream (as the library says). */
  | { ok: true; text: string | null }
  /** The output would pass the ceiling: decoding stopped there. */
  | { ok: false; tooLarge: true };

export function decompressBounded(compressed: string, maxChars: number): BoundedResult {
  if (compressed === '') return { ok: true, text: null };
  const input = compressed.replace(/ /g, '+');
  // Characters outside the alphabet read as 0, as in the library.
  const valueAt = (i: number) => VALUE_OF.get(input.charAt(i)) ?? 0;
  const length = input.length;
  let val = valueAt(0);
  let position = RESET_VALUE;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET_VALUE;
        val = valueAt(index++);
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const result: string[] = [];

  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    case 2:
      return { ok: true, text: '' };
    default:
      // The library reads on with an undefined first entry and produces junk (or throws): not a stream.
      return { ok: true, text: null };
  }
  dictionary[3] = c;
  let w = c;
  result.push(c);
  let total = 1;
  for (;;) {
    if (index > length) return { ok: true, text: '' };
    let code = readBits(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return { ok: true, text: null };
    total += entry.length;
    if (total > maxChars) return { ok: false, tooLarge: true };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
