package br.com.healthmed.scheduling;

import java.util.concurrent.CountDownLatch;

/**
 * What a crash drill's child JVM tells the test that kills it, one line on its standard output each:
 * {@code PAUSED} at the kill point (then it waits to be killed), {@code FINISHED} when it ran through
 * without reaching it.
 */
final class DrillSignals {

    private DrillSignals() {}

    static void finished() {
        System.out.println("FINISHED"); // the kill point was never reached
        System.out.flush();
    }

    static void pauseUntilKilled() {
        System.out.println("PAUSED");
        System.out.flush();
        try {
            new CountDownLatch(1).await(); // until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
