export { DEFAULT_AS_OF, DEFAULT_CUSTOMERS, DEFAULT_SEED, MIN_CUSTOMERS, NAMESAKE_NAMES, SHARED_CONTACT, SHOWCASE, generateSample } from './generate';
export { DIRT } from './dirt';
export { isSampleFormula } from './types';
export type {
  ContradictionKind, Injection, InjectionKind, SampleCell, SampleFormula, SampleManifest, SampleOptions, SampleSheet,
  SampleWorkbook, SheetKey, SheetSummary,
} from './types';
