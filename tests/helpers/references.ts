/** Verified framework control ids, read from ../shared/reference (the project's source of truth). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's shared folder: ../shared beside this checkout, or BREACHREADY_SHARED_DIR (the tests of the skip line point it elsewhere). */
const sharedDir = process.env.BREACHREADY_SHARED_DIR ? join(resolve(process.env.BREACHREADY_SHARED_DIR), sep) : fileURLToPath(new URL('../../../shared/', import.meta.url));
const referenceDir = `${sharedDir}reference${sep}`;
const referenceFile = (name: string) => `${referenceDir}${name}`;

/** Whether the shared reference folder is there (it is in CI and on developer machines). */
export const hasReferences = existsSync(referenceFile('controls.md'));

/** Why the tests that need it are skipped without it: the note the run's skip line shows. */
export const WITHOUT_REFERENCES = `${process.env.BREACHREADY_SHARED_DIR ? referenceDir.slice(0, -1) : '../shared/reference'} not found`;

interface OscalControl {
  props?: { name: string; value: string; class?: string }[];
  controls?: OscalControl[];
}

/** Every valid control id per framework key, as used in `refs`. */
export function validControlIds(): Record<string, Set<string>> {
  const csf = JSON.parse(readFileSync(referenceFile('nist-csf-2.0-subcategories.json'), 'utf8')) as { subcategories: Record<string, string> };
  const cis = JSON.parse(readFileSync(referenceFile('cis-v8-safeguards.json'), 'utf8')) as { safeguards: { id: string }[] };
  const oscal = JSON.parse(readFileSync(referenceFile('oscal/NIST_SP-800-53_rev5.0.1_catalog.json'), 'utf8')) as {
    catalog: { groups: { controls: OscalControl[] }[] };
  };
  const sp80053 = new Set<string>();
  const visit = (control: OscalControl) => {
    const props = control.props ?? [];
    const label = props.find((p) => p.name === 'label' && !p.class)?.value;
    const withdrawn = props.some((p) => p.name === 'status' && p.value === 'withdrawn');
    if (label && !withdrawn) sp80053.add(label);
    control.controls?.forEach(visit);
  };
  oscal.catalog.groups.forEach((group) => group.controls.forEach(visit));
  const iso = new Set<string>();
  const isoRanges: [number, number][] = [[5, 37], [6, 8], [7, 14], [8, 34]];
  for (const [clause, last] of isoRanges) for (let n = 1; n <= last; n++) iso.add(`A.${clause}.${n}`);
  return {
    'nist-csf-2': new Set(Object.keys(csf.subcategories)),
    'cis-v8': new Set(cis.safeguards.map((s) => s.id)),
    'iso-27001-2022': iso,
    'nist-800-53': sp80053,
  };
}

/** The text of the seed articles, for the check that content is written in our own words. */
export function seedTexts(): string[] {
  const dir = `${sharedDir}seeds${sep}`;
  return readdirSync(dir).map((name) => readFileSync(`${dir}${name}`, 'utf8'));
}

/** The CIS v8 safeguards of Implementation Group 1, the basics every organisation is expected to have. */
export function cisIg1Safeguards(): string[] {
  const cis = JSON.parse(readFileSync(referenceFile('cis-v8-safeguards.json'), 'utf8')) as { safeguards: { id: string; first_ig: string }[] };
  return cis.safeguards.filter((s) => s.first_ig === 'IG1').map((s) => s.id);
}
