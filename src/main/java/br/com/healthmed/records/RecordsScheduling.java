package br.com.healthmed.records;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the records module's periodic work ({@link UploadSweeper}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecordsScheduling {}
