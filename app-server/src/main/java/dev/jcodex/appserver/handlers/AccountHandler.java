package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.events.EventTranslator;
import dev.jcodex.appserver.events.ObservedRateLimits;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.AuthStore;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.notification.AccountLoginCompletedNotification;
import dev.jcodex.protocol.notification.AccountUpdatedNotification;
import dev.jcodex.protocol.v2.Account;
import dev.jcodex.protocol.v2.CancelLoginAccountParams;
import dev.jcodex.protocol.v2.CancelLoginAccountResponse;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.GetAccountParams;
import dev.jcodex.protocol.v2.GetAccountRateLimitsParams;
import dev.jcodex.protocol.v2.GetAccountRateLimitsResponse;
import dev.jcodex.protocol.v2.GetAccountResponse;
import dev.jcodex.protocol.v2.GetAuthStatusParams;
import dev.jcodex.protocol.v2.GetAuthStatusResponse;
import dev.jcodex.protocol.v2.LoginAccountParams;
import dev.jcodex.protocol.v2.LoginAccountResponse;
import dev.jcodex.protocol.v2.LogoutAccountParams;
import dev.jcodex.protocol.v2.RateLimitSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * account/read, getAuthStatus, API-key login and logout, login/cancel and rate limits. The account is the key a
 * provider that needs OpenAI auth would use (see {@link ModelProviderInfo#accountKey}); a provider that needs no
 * OpenAI login (ollama, LM Studio, custom, offline) answers {@code {account:null, requiresOpenaiAuth:false}} so
 * clients skip their login screen. Login and logout tell every client (account/login/completed, account/updated).
 */
public final class AccountHandler {
    private final ConfigLoader loader;
    private final EventRouter router;
    private final ObservedRateLimits rateLimits;

    public AccountHandler(ConfigLoader loader, EventRouter router, ObservedRateLimits rateLimits) {
        this.loader = loader;
        this.router = router;
        this.rateLimits = rateLimits;
    }

    public void register(Dispatcher d) {
        d.on(ClientRequests.ACCOUNT_READ, this::read);
        d.on(ClientRequests.GET_AUTH_STATUS, this::authStatus);
        d.on(ClientRequests.ACCOUNT_LOGIN_START, this::login);
        d.on(ClientRequests.ACCOUNT_LOGOUT, this::logout);
        d.on(ClientRequests.ACCOUNT_LOGIN_CANCEL, this::cancelLogin);
        d.on(ClientRequests.ACCOUNT_RATE_LIMITS_READ, this::readRateLimits);
    }

    private ModelProviderInfo provider() {
        Config c = loader.inspect(null); // reports only; nothing is sent on a broken config
        return c.provider(c.modelProviderId());
    }

    GetAccountResponse read(JsonRpcConnection conn, GetAccountParams p) {
        ModelProviderInfo prov = provider();
        if (!prov.requiresOpenaiAuth()) return new GetAccountResponse(null, null, false);
        return new GetAccountResponse(prov.accountKey(loader.codexHome()) != null ? new Account.ApiKey() : null, null, true);
    }

    GetAuthStatusResponse authStatus(JsonRpcConnection conn, GetAuthStatusParams p) {
        ModelProviderInfo prov = provider();
        String key = prov.accountKey(loader.codexHome());
        boolean include = Boolean.TRUE.equals(p.includeToken());
        return new GetAuthStatusResponse(key != null ? "apikey" : null, include ? key : null, prov.requiresOpenaiAuth());
    }

    Reply login(JsonRpcConnection conn, LoginAccountParams p) {
        if (!"apiKey".equals(p.type())) {
            throw RpcException.invalidRequest("account/login/start: login type `" + p.type()
                    + "` is not supported by jcodex; use {type:\"apiKey\", apiKey}");
        }
        if (p.apiKey() == null || p.apiKey().isBlank()) throw RpcException.invalidParams("missing field `apiKey`");
        try {
            AuthStore.saveApiKey(loader.codexHome(), p.apiKey().trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An API-key login completes at once: it has no loginId (only browser/device flows do).
        return Reply.then(new LoginAccountResponse("apiKey"), () -> {
            router.notifyAll(new AccountLoginCompletedNotification(null, true, null));
            accountUpdated();
        });
    }

    Reply logout(JsonRpcConnection conn, LogoutAccountParams p) {
        try {
            AuthStore.clear(loader.codexHome());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.then(EmptyResponse.INSTANCE, this::accountUpdated);
    }

    /** authMode after the change: "apikey" while some account key remains (e.g. OPENAI_API_KEY), else null. */
    private void accountUpdated() {
        ModelProviderInfo prov = provider();
        String mode = prov.accountKey(loader.codexHome()) != null ? "apikey" : null;
        router.notifyAll(new AccountUpdatedNotification(mode, null, null));
    }

    /** jcodex starts no browser or device login, so no login id is ever pending. */
    CancelLoginAccountResponse cancelLogin(JsonRpcConnection conn, CancelLoginAccountParams p) {
        if (p.loginId() == null || p.loginId().isBlank()) throw RpcException.invalidParams("missing field `loginId`");
        return new CancelLoginAccountResponse(CancelLoginAccountResponse.NOT_FOUND);
    }

    /**
     * What the provider's rate-limit headers said in the last model response. Codex answers this from the
     * ChatGPT backend only (an API-key account gets an error); jcodex has no such backend and answers what the
     * provider itself reported, null windows when it reported nothing.
     */
    GetAccountRateLimitsResponse readRateLimits(JsonRpcConnection conn, GetAccountRateLimitsParams p) {
        Map<String, RateLimitSnapshot> byId = new LinkedHashMap<>();
        rateLimits.all().forEach((id, r) -> byId.put(id, EventTranslator.rateLimits(r)));
        return new GetAccountRateLimitsResponse(EventTranslator.rateLimits(rateLimits.defaultFamily()),
                byId.isEmpty() ? null : byId, null, null, null, null);
    }
}
