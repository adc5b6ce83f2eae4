// The renderer's one door to the model. It stands in for the '@models' alias (which Vite and Vitest
// resolve) because tsconfig.web.json has no `paths` entry for it yet; once it does, imports can name
// '@models' directly and this file can go.
export * from '../../models'
