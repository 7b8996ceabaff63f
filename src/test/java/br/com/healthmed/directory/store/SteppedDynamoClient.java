package br.com.healthmed.directory.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The real dynalite client with one {@code UpdateItem} stopped on demand, to put two saves' steps in a chosen
 * order: {@link #pauseAt} holds the thread that sends the first matching update until {@link #release} (a
 * save overtaken there by another), {@link #crashAt} fails it before it is sent (a process stopping there).
 * Not a mock: every call, the stopped one too once released, goes to the engine.
 */
final class SteppedDynamoClient {

    private final DynamoDbClient real;
    private volatile Predicate<UpdateItemRequest> stopAt = request -> false;
    private volatile boolean crash;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    SteppedDynamoClient(DynamoDbClient real) {
        this.real = real;
    }

    /** The next update {@code where} matches, on whichever thread, waits there until {@link #release}. */
    void pauseAt(Predicate<UpdateItemRequest> where) {
        crash = false;
        stopAt = where;
    }

    /** The next update {@code where} matches fails, unsent, as a dropped connection or a killed process would. */
    void crashAt(Predicate<UpdateItemRequest> where) {
        crash = true;
        stopAt = where;
    }

    void awaitPaused() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no update reached the pause");
        }
    }

    void release() {
        released.countDown();
    }

    static Predicate<UpdateItemRequest> listingWrite() {
        return request -> request.key().get("SK").s().startsWith("LISTING#");
    }

    /** A save's profile write (it alone sets the time zone). */
    static Predicate<UpdateItemRequest> profileSave() {
        return request -> request.key().get("SK").s().equals("PROFILE") && request.hasExpressionAttributeNames()
                && request.expressionAttributeNames().containsValue("timeZone");
    }

    /** The profile write a save sends after finding the doctor withdrawn (listed nowhere). */
    static Predicate<UpdateItemRequest> withdrawnProfileSave() {
        return profileSave().and(request -> request.conditionExpression() == null
                || !request.conditionExpression().contains("attribute_not_exists"));
    }

    @SuppressWarnings("unchecked")
    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && args != null && args.length == 1) {
                        UpdateItemRequest request = args[0] instanceof UpdateItemRequest given ? given
                                : UpdateItemRequest.builder().applyMutation((Consumer<UpdateItemRequest.Builder>) args[0]).build();
                        stopIfAsked(request);
                        return real.updateItem(request);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }

    private void stopIfAsked(UpdateItemRequest request) throws InterruptedException {
        Predicate<UpdateItemRequest> where = stopAt;
        if (!where.test(request)) {
            return;
        }
        synchronized (this) {
            if (stopAt != where) {
                return; // another thread took this stop
            }
            stopAt = r -> false;
        }
        if (crash) {
            throw SdkClientException.create("crash injected before " + request.key());
        }
        reached.countDown();
        if (!released.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the paused update was never released");
        }
    }
}
