// Written for Lattice's tests (EcmaScriptNumbersIT); no third-party code, under Lattice's own terms.
// Reads IEEE 754 bit patterns, one 16-digit hexadecimal number a line, and writes JSON.stringify of
// each double, one a line, so that the Java formatter can be compared with a JavaScript engine's.
// Usage: node json-stringify-doubles.js <bits file> <output file>
'use strict';
const fs = require('fs');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node json-stringify-doubles.js <bits file> <output file>');
  process.exit(2);
}
const lines = fs.readFileSync(input, 'ascii').split('\n').filter((l) => l.length > 0);
const buf = Buffer.alloc(8);
const out = new Array(lines.length);
for (let i = 0; i < lines.length; i++) {
  buf.writeBigUInt64BE(BigInt('0x' + lines[i]));
  out[i] = JSON.stringify(buf.readDoubleBE(0));
}
fs.writeFileSync(output, out.join('\n') + '\n', 'ascii');
console.log(`${process.version} ${lines.length}`);
