// HtmlService: HTML outputs from the built dist/*.html files (the sidebar) or from text, with the title and size
// the add-on gives them, for Ui.showSidebar and Ui.showModalDialog.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Gas from '../../server/gas';
import { ApiError } from './errors';

export class EmuHtmlOutput implements Gas.HtmlOutput {
  readonly gasClass = 'HtmlOutput';
  private title = '';
  private width = 0;
  private height = 0;
  constructor(private content: string) {}
  setTitle(title: string): EmuHtmlOutput {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): EmuHtmlOutput {
    this.width = Number(width);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): EmuHtmlOutput {
    this.height = Number(height);
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): EmuHtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): EmuHtmlOutput {
    this.content += String(addedContent);
    return this;
  }
}

export class EmuHtmlService implements Gas.HtmlServiceSlice {
  readonly gasClass = 'HtmlService';
  constructor(private readonly htmlDir: string) {}
  createHtmlOutputFromFile(filename: string): EmuHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    let text: string;
    try {
      text = readFileSync(path.join(this.htmlDir, `${name}.html`), 'utf8');
    } catch {
      throw new ApiError(`No HTML file named ${name} was found.`);
    }
    return new EmuHtmlOutput(text);
  }
  createHtmlOutput(html: string): EmuHtmlOutput {
    return new EmuHtmlOutput(html === undefined ? '' : String(html));
  }
}
