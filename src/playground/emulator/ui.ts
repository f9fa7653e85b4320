// The spreadsheet's user interface as the add-on drives it: menus (as onOpen built them), the sidebar, dialogs,
// toasts and alerts, recorded so tests and the playground page can show and assert them. Alerts block a script
// in Sheets until the user answers; here answers are scripted (ui.answer(...)), or — in the playground — the
// action is rolled back, the question shown to the user, and the action run again with the answer.
import type * as Gas from '../../server/gas';
import { asEnum, Button, ButtonSet, enumName, isEnumValue } from './enums';
import { ApiError } from './errors';
import { EmuHtmlOutput } from './html';

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  /** The menu's caption: the add-on's name for an add-on menu (Extensions › name). */
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface DialogRecord {
  id: number;
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface ToastRecord {
  id: number;
  message: string;
  title: string;
  timeoutSeconds: number | null;
  /** ms since the epoch, on the emulator's clock. */
  at: number;
}

export interface AlertRecord {
  id: number;
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  text?: string;
}

/** A scripted answer: a button name ("YES", "OK", "CLOSE"…), with typed text for prompts. */
export type Answer = string | { button: string; text: string };

export interface PendingQuestion {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

/** An alert needed an answer nobody scripted. */
export class UnansweredDialog extends Error {
  constructor(readonly question: PendingQuestion) {
    super(
      `The add-on asked "${question.prompt}" (${question.buttons}) and no answer was scripted: call ui.answer("YES") (or the button to press) before the action.`,
    );
    this.name = 'UnansweredDialog';
  }
}

const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class UiState {
  menus: MenuRecord[] = [];
  sidebar: { title: string; html: string } | null = null;
  dialogs: DialogRecord[] = [];
  toasts: ToastRecord[] = [];
  alerts: AlertRecord[] = [];
  /** Answers for the next alerts/prompts, in order. */
  answers: Answer[] = [];
  /** Set when an alert found no scripted answer (the playground then asks the user). */
  pending: PendingQuestion | null = null;
  private nextId = 1;
  id(): number {
    return this.nextId++;
  }
}

export class EmuMenu implements Gas.Menu {
  readonly gasClass = 'Menu';
  readonly items: MenuEntry[] = [];
  constructor(
    private readonly state: UiState,
    readonly caption: string,
    private readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): EmuMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new ApiError(`The parameters don't match the method signature for Menu.addItem.`);
    }
    this.items.push({ type: 'item', caption, functionName });
    return this;
  }
  addSeparator(): EmuMenu {
    this.items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: Gas.Menu): EmuMenu {
    if (!(menu instanceof EmuMenu)) throw new ApiError('Invalid argument: menu');
    this.items.push({ type: 'submenu', caption: menu.caption, items: menu.items });
    return this;
  }
  addToUi(): void {
    const record: MenuRecord = {
      caption: this.caption,
      addon: this.addon,
      items: structuredClone(this.items),
    };
    const i = this.state.menus.findIndex((m) => m.caption === this.caption && m.addon === this.addon);
    if (i >= 0) this.state.menus[i] = record;
    else this.state.menus.push(record);
  }
}

class EmuPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  readonly gasClass = 'PromptResponse';
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button] as unknown as GoogleAppsScript.Base.Button;
  }
}

export class EmuUi implements Gas.Ui {
  readonly gasClass = 'Ui';
  readonly Button = asEnum<typeof GoogleAppsScript.Base.Button>(Button);
  readonly ButtonSet = asEnum<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSet);

  constructor(
    readonly state: UiState,
    private readonly addonName: string,
    private readonly now: () => number,
    /** 'throw' (tests): an unscripted question is an error. 'defer' (playground): roll back and ask. */
    private readonly unanswered: () => 'throw' | 'defer',
  ) {}

  createAddonMenu(): EmuMenu {
    return new EmuMenu(this.state, this.addonName, true);
  }
  createMenu(caption: string): EmuMenu {
    return new EmuMenu(this.state, String(caption), false);
  }

  private ask(
    kind: 'alert' | 'prompt',
    args: unknown[],
  ): { button: string; text: string; record: AlertRecord } {
    let title = '';
    let prompt: string;
    let buttons = kind === 'alert' ? 'OK' : 'OK';
    if (args.length >= 3) {
      title = String(args[0]);
      prompt = String(args[1]);
      buttons = enumName(args[2]);
    } else if (args.length === 2 && isEnumValue(args[1], 'ButtonSet')) {
      prompt = String(args[0]);
      buttons = enumName(args[1]);
    } else {
      prompt = String(args[0]);
    }
    const allowed = BUTTONS_OF[buttons];
    if (!allowed) throw new ApiError(`Invalid argument: buttons`);
    let answer = this.state.answers.shift();
    if (answer === undefined && kind === 'alert' && allowed.length === 1) answer = 'OK';
    if (answer === undefined) {
      const question: PendingQuestion = { kind, title, prompt, buttons };
      if (this.unanswered() === 'defer') this.state.pending = question;
      throw new UnansweredDialog(question);
    }
    const button = typeof answer === 'string' ? answer : answer.button;
    const text = typeof answer === 'string' ? '' : answer.text;
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      throw new Error(
        `scripted answer ${button} is not a button of ${buttons} (${allowed.join(', ')}, or CLOSE)`,
      );
    }
    const record: AlertRecord = { id: this.state.id(), kind, title, prompt, buttons, answer: button };
    if (kind === 'prompt') record.text = text;
    this.state.alerts.push(record);
    return { button, text, record };
  }

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { button } = this.ask('alert', args);
    return Button[button] as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { button, text } = this.ask('prompt', args);
    return new EmuPromptResponse(text, button);
  }

  showSidebar(userInterface: Gas.HtmlOutput): void {
    if (!(userInterface instanceof EmuHtmlOutput)) throw new ApiError('Invalid argument: userInterface');
    this.state.sidebar = { title: userInterface.getTitle(), html: userInterface.getContent() };
  }

  showModalDialog(userInterface: Gas.HtmlOutput, title: string): void {
    if (!(userInterface instanceof EmuHtmlOutput)) throw new ApiError('Invalid argument: userInterface');
    this.state.dialogs.push({
      id: this.state.id(),
      title: String(title),
      html: userInterface.getContent(),
      width: userInterface.getWidth(),
      height: userInterface.getHeight(),
    });
  }

  toast(message: string, title: string, timeoutSeconds: number | null): void {
    this.state.toasts.push({ id: this.state.id(), message, title, timeoutSeconds, at: this.now() });
  }
}

/** What tests and the playground see of the UI, and can do to it (Addon.ui). */
export interface UiView {
  readonly menus: MenuRecord[];
  readonly sidebar: { title: string; html: string } | null;
  readonly dialogs: DialogRecord[];
  readonly toasts: ToastRecord[];
  readonly alerts: AlertRecord[];
  /** Scripts the answers of the next alerts/prompts ("YES", "NO", "OK", "CANCEL", "CLOSE", or {button, text}). */
  answer(...answers: Answer[]): void;
  closeSidebar(): void;
  closeDialog(id: number): void;
}

export function uiView(state: UiState): UiView {
  return {
    get menus() {
      return state.menus;
    },
    get sidebar() {
      return state.sidebar;
    },
    get dialogs() {
      return state.dialogs;
    },
    get toasts() {
      return state.toasts;
    },
    get alerts() {
      return state.alerts;
    },
    answer: (...answers) => {
      state.answers.push(...answers);
    },
    closeSidebar: () => {
      state.sidebar = null;
    },
    closeDialog: (id) => {
      state.dialogs = state.dialogs.filter((d) => d.id !== id);
    },
  };
}
