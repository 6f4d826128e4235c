import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../app/db/client.server'

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

/** Migrates one template database per run; every test clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  const template = `tmpl_${process.pid}_${Date.now().toString(36)}`
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database "${template}"`)
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(template), maxConnections: 1 })
  await handle.migrate()
  await handle.close()
  project.provide('pgTemplate', template)
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`)
    await admin.end()
  }
}
