export type StepId = 'sources' | 'clean' | 'dedup' | 'analyze' | 'report';
