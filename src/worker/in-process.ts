/** The engine in this thread: the pipeline steps called directly (tests, and where no Worker can start). */
import {
  analyzeStep,
  cleanStep,
  dedupStep,
  defaultSettings,
  detectSources,
  loadSettings,
  reportStep,
  saveSettings,
} from '../core/pipeline/steps';
import type { Engine } from './engine-api';

export const inProcessEngine: Engine = {
  detectSources: (book, session, locale) => detectSources(book, session, locale),
  defaultSettings: async (detections, locale) => defaultSettings(detections, locale),
  loadSettings: (book) => loadSettings(book),
  saveSettings: (book, settings) => saveSettings(book, settings),
  cleanStep: (book, settings, session) => cleanStep(book, settings, session),
  dedupStep: (book, settings, session) => dedupStep(book, settings, session),
  analyzeStep: (book, settings, session) => analyzeStep(book, settings, session),
  reportStep: (book, settings, session) => reportStep(book, settings, session),
};
