// Helpers to drive and inspect the endpoint stand-in from the end-to-end tests.
import { expect, type APIRequestContext } from '@playwright/test';

export const STAND_IN_URL = process.env.STAND_IN_URL as string;
export const ENDPOINT_URL = `${STAND_IN_URL}/inscriptions`;

export type Fault = {
  status?: number;
  retry_after?: string;
  body?: unknown;
  delay_ms?: number;
  redirect?: string;
  close?: 'before_store' | 'after_store';
  times?: number;
};

export async function reset(request: APIRequestContext) {
  const response = await request.delete(`${STAND_IN_URL}/__stand-in/submissions`);
  expect(response.status()).toBe(204);
}

export async function submissions(request: APIRequestContext): Promise<any[]> {
  const response = await request.get(`${STAND_IN_URL}/__stand-in/submissions`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

export async function attempts(request: APIRequestContext): Promise<any[]> {
  const response = await request.get(`${STAND_IN_URL}/__stand-in/requests`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

export async function fault(request: APIRequestContext, faults: Fault | Fault[]) {
  const response = await request.post(`${STAND_IN_URL}/__stand-in/faults`, { data: faults });
  expect(response.status()).toBe(201);
}
