package dev.netdoctor.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Groups items into batches of at most {@code maxBatchSize} for endpoints that accept a list in one request
 * (embeddings inputs, moderation inputs, TTS segments processed together). It does not invent batch APIs: the
 * {@link Sender} given by the caller turns one list into one request and one list of answers, in order.
 *
 * <p>Contract: a batch is sent, on the thread of the {@link #submit} that fills it, as soon as it holds
 * {@code maxBatchSize} items; {@link #flush()} (and {@link #close()}) send what is pending. With batching off
 * ({@code Providers.EnableBatching=false}) every item is sent alone at once. A failure of the sender fails every
 * item of that batch. Thread-safe.
 *
 * @param <T> an input item
 * @param <R> its answer
 */
public final class Batcher<T, R> implements AutoCloseable {
  /** Sends one batch; returns one answer per item, in the same order. */
  @FunctionalInterface
  public interface Sender<T, R> {
    List<R> send(List<T> batch);
  }

  private record Pending<T, R>(T item, CompletableFuture<R> future) {}

  private final int maxBatchSize;
  private final Sender<T, R> sender;
  private List<Pending<T, R>> pending = new ArrayList<>();

  Batcher(int maxBatchSize, Sender<T, R> sender) {
    if (maxBatchSize < 1) throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
    this.maxBatchSize = maxBatchSize;
    this.sender = sender;
  }

  /** Queues {@code item}; the future completes when its batch has been answered. */
  public CompletableFuture<R> submit(T item) {
    CompletableFuture<R> future = new CompletableFuture<>();
    List<Pending<T, R>> full = null;
    synchronized (this) {
      pending.add(new Pending<>(item, future));
      if (pending.size() >= maxBatchSize) {
        full = pending;
        pending = new ArrayList<>();
      }
    }
    if (full != null) send(full);
    return future;
  }

  /** Sends the items waiting now, if any. */
  public void flush() {
    List<Pending<T, R>> batch;
    synchronized (this) {
      if (pending.isEmpty()) return;
      batch = pending;
      pending = new ArrayList<>();
    }
    send(batch);
  }

  /** Items waiting for their batch. */
  public synchronized int pending() {
    return pending.size();
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public void close() {
    flush();
  }

  private void send(List<Pending<T, R>> batch) {
    List<T> items = new ArrayList<>(batch.size());
    for (Pending<T, R> p : batch) items.add(p.item());
    List<R> answers;
    try {
      answers = sender.send(List.copyOf(items));
      if (answers == null || answers.size() != batch.size()) {
        throw new IllegalStateException("the batch sender returned " + (answers == null ? "null" : answers.size()
            + " answers") + " for " + batch.size() + " items");
      }
    } catch (RuntimeException e) {
      for (Pending<T, R> p : batch) p.future().completeExceptionally(e);
      return;
    }
    for (int i = 0; i < batch.size(); i++) batch.get(i).future().complete(answers.get(i));
  }
}
