package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.AuthStore;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.Account;
import dev.jcodex.protocol.v2.GetAccountParams;
import dev.jcodex.protocol.v2.GetAccountResponse;
import dev.jcodex.protocol.v2.GetAuthStatusParams;
import dev.jcodex.protocol.v2.GetAuthStatusResponse;
import dev.jcodex.protocol.v2.LoginAccountParams;
import dev.jcodex.protocol.v2.LoginAccountResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * account/read, getAuthStatus and API-key login. A provider that needs no OpenAI login (ollama, LM Studio,
 * custom, offline) answers {@code {account:null, requiresOpenaiAuth:false}} so clients skip their login screen.
 */
public final class AccountHandler {
    private final ConfigLoader loader;

    public AccountHandler(ConfigLoader loader) { this.loader = loader; }

    public void register(Dispatcher d) {
        d.on(ClientRequests.ACCOUNT_READ, this::read);
        d.on(ClientRequests.GET_AUTH_STATUS, this::authStatus);
        d.on(ClientRequests.ACCOUNT_LOGIN_START, this::login);
    }

    private ModelProviderInfo provider() {
        Config c = loader.inspect(null); // reports only; nothing is sent on a broken config
        return c.provider(c.modelProviderId());
    }

    GetAccountResponse read(JsonRpcConnection conn, GetAccountParams p) {
        ModelProviderInfo prov = provider();
        if (!prov.requiresOpenaiAuth()) return new GetAccountResponse(null, false);
        return new GetAccountResponse(prov.apiKey() != null ? new Account.ApiKey() : null, true);
    }

    GetAuthStatusResponse authStatus(JsonRpcConnection conn, GetAuthStatusParams p) {
        ModelProviderInfo prov = provider();
        String key = prov.apiKey();
        boolean include = Boolean.TRUE.equals(p.includeToken());
        return new GetAuthStatusResponse(key != null ? "apikey" : null, include ? key : null, prov.requiresOpenaiAuth());
    }

    LoginAccountResponse login(JsonRpcConnection conn, LoginAccountParams p) {
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
        return new LoginAccountResponse("apiKey");
    }
}
