package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import java.util.List;
import java.util.Optional;

/** Requests and answers shared by the tests of every module. */
public final class TestRequests {

    /** The reference's example password, spaces and all. */
    public static final String EXAMPLE_PASSWORD_HEX = "0bff42a526c78076a3d986fa75eecd 83211f166fd7692797cdde2317faee5"
            + "44e3300614fd54b8c0d81f975 3e58cb1ffbd62d3faf0d2bf52e79ce5cd9c6d84b5295e3dea629e71b 0a5e26efda50ff8e05a"
            + "5475bb7cbd553d238c05655f56ece2df070ce 374ff1e0724827c2300e373241e94c4bc13441561604e3e70b5034eb 58d717864"
            + "f304c9c73b6d1d46c4276d7ec2f0e2bd9a42a8ab0ba99eb adda84f4cbb5b3611bd319627436246912139c2dde62bd00528b1464"
            + " 20dceae949d1926ae05fc7df9b474e1ee176f89069fb424b12f8f357 e6e2909ba05152e9f72a68de0046b3e1520838ff5e723a"
            + "f02a96f51a c1e6ef4254226249b872676af76a319cbe";

    private TestRequests() {
    }

    public static RequestedWork.BrowseHost browse(String path) {
        return new RequestedWork.BrowseHost(path, Optional.empty());
    }

    public static EncryptedPassword password(String hex) {
        return new EncryptedPassword(hex);
    }

    public static RequestedWork.VerifyVaultPassword verify(AgentId vaultOf) {
        return new RequestedWork.VerifyVaultPassword(password("00ff"), vaultOf);
    }

    public static RequestedWork.EncryptVault enable() {
        return new RequestedWork.EncryptVault(Optional.empty(), password("0a0b"));
    }

    public static RequestedWork.EncryptVault change() {
        return new RequestedWork.EncryptVault(Optional.of(password("0a0b")), password("0c0d"));
    }

    public static RequestAnswer.BrowseListing listing(String path, String... names) {
        List<BrowsedItem> items = java.util.Arrays.stream(names)
                .map(name -> new BrowsedItem(name, Optional.empty(), name.length(), "text/plain")).toList();
        return new RequestAnswer.BrowseListing(true, path, Optional.empty(), items);
    }
}
