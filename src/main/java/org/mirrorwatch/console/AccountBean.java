package org.mirrorwatch.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.identity.boundary.AccountView;
import org.mirrorwatch.identity.boundary.ApiTokenFacade;
import org.mirrorwatch.identity.boundary.ApiTokenView;
import org.mirrorwatch.identity.boundary.NewApiToken;
import org.mirrorwatch.identity.entity.ApiTokenScope;
import org.mirrorwatch.platform.MirrorwatchException;

/** The account page: who one is, and one's API tokens. A new token's secret is shown once, here. */
@Named
@ViewScoped
public class AccountBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TOKEN_FORM = "tokens";

    @Inject
    AccountFacade accounts;

    @Inject
    ApiTokenFacade tokens;

    private String tokenName;
    private int tokenDays = 90;
    /** The scope's name: a select's value gets no enum converter here, so it stays text. */
    private String tokenScope = ApiTokenScope.FULL.name();
    private String newSecret;
    private transient AccountView me;
    private transient List<ApiTokenView> myTokens;

    public AccountView getMe() {
        if (me == null) {
            me = accounts.me();
        }
        return me;
    }

    public List<ApiTokenView> getTokens() {
        if (myTokens == null) {
            myTokens = tokens.myTokens();
        }
        return myTokens;
    }

    public void createToken() {
        try {
            NewApiToken created = tokens.create(tokenName, tokenDays,
                    Choices.enumOrNull(ApiTokenScope.class, tokenScope));
            newSecret = created.secret();
            tokenName = null;
            myTokens = null;
        } catch (MirrorwatchException e) {
            FormMessages.show(TOKEN_FORM, e);
        }
    }

    public void revoke(long tokenId) {
        try {
            tokens.revoke(tokenId);
            newSecret = null;
            myTokens = null;
            FormMessages.info(TOKEN_FORM, "The token was revoked; it no longer works.");
        } catch (MirrorwatchException e) {
            FormMessages.show(TOKEN_FORM, e);
        }
    }

    /** The secret of the token just created; it is gone once the page is left. */
    public String getNewSecret() {
        return newSecret;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public String getTokenScope() {
        return tokenScope;
    }

    public void setTokenScope(String tokenScope) {
        this.tokenScope = tokenScope;
    }

    public int getTokenDays() {
        return tokenDays;
    }

    public void setTokenDays(int tokenDays) {
        this.tokenDays = tokenDays;
    }
}
