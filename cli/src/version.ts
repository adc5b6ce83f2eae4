import pkg from '../../package.json' with { type: 'json' }

/** The app version written into planning files. */
export const APP_VERSION: string = pkg.version
