// What the test app's middleware and units did, for the tests to read back.
export const journal = {
  log: [] as string[],
  unitCalls: 0,
  loaderCalls: 0,
  aborted: [] as string[],
  observed: [] as string[],
  observerFailures: [] as string[],
  reset() {
    this.observerFailures.length = 0;
    this.log.length = 0;
    this.unitCalls = 0;
    this.loaderCalls = 0;
    this.aborted.length = 0;
    this.observed.length = 0;
  },
};

export interface Plan {
  throwIn?: string;
  redirectIn?: string;
  denyIn?: string;
  skipNextIn?: string;
}
