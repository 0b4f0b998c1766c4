/** Child of save-full-disk.test.ts: writes 1 MiB with writeWhole under the file size limit its shell set; prints the outcome. */
import { diskFull, writeWhole } from '../../../electron/host/write-whole';

const target = process.argv[2]!;
writeWhole(target, Buffer.alloc(1024 * 1024, 0x41)).then(
  () => console.log('saved'),
  (err: unknown) => console.log(`failed ${(err as { code?: string }).code} diskFull=${diskFull(err)}`),
);
