/** What the task pane needs to know once Office.js has started, or that it is not running inside Office. */
export interface OfficeStart {
  inOffice: boolean;
  /** Office's display language, e.g. `zh-CN`; absent outside Office. */
  displayLanguage?: string;
}

/** The part of Office.js read at start-up, so tests can hand in a fake. */
export interface OfficeForStart {
  onReady(): Promise<{ host: unknown; platform: unknown } | undefined>;
  context?: { displayLanguage?: string };
}

export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Waits for Office.onReady. Never throws and never waits forever: without office.js, outside an Office host (a
 * plain browser answers onReady with host null), or when onReady does not answer in time, the page runs as a
 * preview.
 */
export async function waitForOffice(
  office: OfficeForStart | undefined = (globalThis as { Office?: OfficeForStart }).Office,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeStart> {
  if (!office || typeof office.onReady !== 'function') return { inOffice: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info || !info.host) return { inOffice: false };
    const displayLanguage = office.context?.displayLanguage;
    return displayLanguage ? { inOffice: true, displayLanguage } : { inOffice: true };
  } catch {
    return { inOffice: false };
  } finally {
    clearTimeout(timer);
  }
}
