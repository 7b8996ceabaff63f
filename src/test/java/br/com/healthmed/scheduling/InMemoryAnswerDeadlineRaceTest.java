package br.com.healthmed.scheduling;

/** The answer-deadline races on the embedded (in-memory) adapters. */
class InMemoryAnswerDeadlineRaceTest extends AnswerDeadlineRaceContract {}
