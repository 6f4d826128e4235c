// drizzle-kit and the client read every table from this one list.
export * from './organisations'
export * from './users'
export * from './auth'
export * from './audit'
export * from './mail'
export * from './registry'
export * from './imports'
export * from './map'
