package dev.origo.purge;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.origo.purge.retry.Pause;

/**
 * The wait between purge attempts, cut short when the worker stops (it stops before the listener
 * container, being in the highest phase): a batch waiting for a retry is then left uncommitted and
 * redelivered to the next owner of its partition, instead of holding up the shutdown.
 */
@Component
class StoppablePause implements Pause, SmartLifecycle {

    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;

    @Override
    public boolean sleep(Duration duration) {
        try {
            return !stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        stopping.countDown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
