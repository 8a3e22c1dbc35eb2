// Baseline for the metrics benchmark: papaparse streaming a CSV file with no work per row.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(process.argv[2], { encoding: 'utf8' }), {
    header: false,
    skipEmptyLines: true,
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: resolve,
    error: reject,
  });
});
console.log(rows);
