import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { artifactPath, launchChromium } from '../support/browser';
import { eventually } from '../support/eventually';
import { removeSearchIndex } from '../support/search-index';
import { Stack } from '../support/stack';

/**
 * The web client's test stack: the built services (the gateway serves apps/web/dist) on throwaway
 * databases, and Debian Chromium. Uploads and attachment downloads go from the page straight to the local
 * object store, whose bucket allows that by CORS (infra/servers/s3.mjs).
 */
export class WebStack {
  private constructor(
    readonly stack: Stack,
    readonly browser: Browser,
    private readonly searchAlias: string,
  ) {}

  static async start(
    options: {
      voice?: boolean;
      browserArgs?: string[];
      /** More variables for chat and file (merged over the defaults below). */
      serviceEnv?: Record<string, Record<string, string>>;
    } = {},
  ): Promise<WebStack> {
    const suffix = randomBytes(4).toString('hex');
    const searchAlias = `messages-web-e2e-${suffix}`;
    const services = [
      'auth',
      'chat',
      'presence',
      'file',
      'search',
      ...(options.voice ? ['voice'] : []),
      'gateway',
    ];
    const stack = await Stack.start({
      services,
      env: { PRESENCE_KEY_PREFIX: `presence-web-e2e-${suffix}` },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: '1000', ...options.serviceEnv?.['chat'] },
        file: { ...options.serviceEnv?.['file'] },
        search: {
          SEARCH_INDEX_ALIAS: searchAlias,
          SEARCH_CONSUMER_GROUP: `search.indexer.web-e2e-${suffix}`,
          SEARCH_INDEXER_START_FROM: 'latest',
        },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.web-e2e-${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        // Quick heartbeats: a dropped connection is noticed in about two seconds instead of 45.
        gateway: { REALTIME_PING_INTERVAL_MS: '1000', REALTIME_PING_TIMEOUT_MS: '1000' },
      },
    });
    const browser = await launchChromium({ args: options.browserArgs ?? [] });
    return new WebStack(stack, browser, searchAlias);
  }

  get url(): string {
    return this.stack.gateway.url;
  }

  /** A separate browser profile (its own storage: one person), with console errors collected. */
  async newPage(
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[]; frames: string[] }> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // The realtime traffic, kept for the failure report of a test.
    const frames: string[] = [];
    const started = Date.now();
    page.on('websocket', (socket) => {
      frames.push(`${Date.now() - started} open ${socket.url()}`);
      socket.on('framereceived', (frame) =>
        frames.push(`${Date.now() - started} <- ${String(frame.payload).slice(0, 2000)}`),
      );
      socket.on('framesent', (frame) =>
        frames.push(`${Date.now() - started} -> ${String(frame.payload).slice(0, 2000)}`),
      );
      socket.on('close', () => frames.push(`${Date.now() - started} close`));
    });
    page.setDefaultTimeout(15_000);
    return { context, page, errors, frames };
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.stack?.stop();
    // The standalone shape indexes into its embedded database, which went with its data folder.
    if (this.stack?.shape === 'distributed') await removeSearchIndex(this.searchAlias);
  }
}

export interface Person {
  username: string;
  password: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  frames: string[];
}

/** Registers through the page, as a person would. */
export async function registerThroughPage(
  web: WebStack,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const { context, page, errors, frames } = await web.newPage(options);
  const password = `pw-${randomBytes(8).toString('hex')}`;
  await page.goto(`${web.url}/register`);
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Display name (optional)').fill(username[0]!.toUpperCase() + username.slice(1));
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('region', { name: 'Your account' }).waitFor();
  return { username, password, context, page, errors, frames };
}

/** Creates a server from the rail as its owner would; answers the URL of its #general. */
export async function createServer(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Create a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a server' });
  await dialog.getByLabel('Server name').fill(name);
  // The first click may come before the client has its session; retried until the channel shows.
  await eventually(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: /# general/i }).waitFor({ timeout: 2_000 });
  }, 15_000);
  return page.url();
}

/** The invite link the "Invite people" dialog shows for the current server (the dialog closed again). */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click();
  const link = page.getByRole('dialog', { name: 'Invite friends' }).getByLabel('Invite link');
  await expect.poll(() => link.inputValue()).toMatch(/\/invite\/\S+$/);
  const url = await link.inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  return url;
}

/** After a failed test: each person's page, realtime frames and screenshot as artifacts. */
export async function keepFailureEvidence(
  file: string,
  test: string,
  people: readonly Person[],
): Promise<void> {
  for (const person of people) {
    if (person.page.isClosed()) continue;
    const name = `${file}-failure-${test.replace(/[^a-z]+/gi, '-').slice(0, 40)}-${person.username.split('_')[0]}`;
    writeFileSync(artifactPath(`${name}.html`), await person.page.content());
    writeFileSync(artifactPath(`${name}.frames.txt`), person.frames.join('\n'));
    await person.page.screenshot({ path: artifactPath(`${name}.png`) });
  }
}

/**
 * The WebStack of a browser test file: started before its tests (handed to `started`), stopped after them;
 * a failed test leaves each person's page behind (keepFailureEvidence), and the people's browser console
 * errors are reported at the end.
 */
export function useWebStack(
  file: string,
  people: () => readonly Person[],
  started: (web: WebStack) => void,
): void {
  let web: WebStack | undefined;
  beforeAll(async () => {
    web = await WebStack.start();
    started(web);
  }, 120_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await keepFailureEvidence(file, context.task.name, people());
  });
  afterAll(async () => {
    const everyone = people();
    if (everyone.some((person) => person.errors.length > 0)) {
      const errors = Object.fromEntries(everyone.map((person) => [person.username, person.errors]));
      process.stderr.write(`browser console errors: ${JSON.stringify(errors)}\n`);
    }
    await web?.stop();
  });
}
