import type { Locator, Page } from 'playwright-core';
import type { InPage } from './web-browser';

/** What the tests read of a `<select>` in the page (the test code compiles without the DOM). */
interface PickList {
  readonly selectedIndex: number;
  readonly options: ArrayLike<{ readonly label: string }>;
}

/** More stops than any page of the app has: a control never reached is a finding. */
const MAX_TAB_STOPS = 300;

/**
 * Moves the focus with the Tab key only, from wherever it is, until `target` has it: as a
 * keyboard user reaches a control. Fails when the control is not in the tab order.
 */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let stop = 0; stop < MAX_TAB_STOPS; stop += 1) {
    // Runs in the page, where the cast's globals exist (see InPage).
    const focused = await target.evaluate(
      (element) => element === (globalThis as unknown as InPage).document.activeElement,
    );
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} never took the focus in ${MAX_TAB_STOPS} Tab presses`);
}

/** Tabs to a text, number or date field and types into it (a date as the locale orders it). */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tabs to a pick-list and moves its choice with the arrow keys to the option labelled `label`. */
export async function chooseWithKeys(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  const [from, to] = await select.evaluate((element, wanted) => {
    const list = element as unknown as PickList;
    return [list.selectedIndex, Array.from(list.options).findIndex((o) => o.label === wanted)];
  }, label);
  if (to < 0) throw new Error(`${String(select)} has no option ${label}`);
  const key = to > from ? 'ArrowDown' : 'ArrowUp';
  for (let step = 0; step < Math.abs(to - from); step += 1) await page.keyboard.press(key);
}

/** Tabs to a button (or a link) and presses Enter on it. */
export async function pressWithKeys(page: Page, control: Locator): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}
