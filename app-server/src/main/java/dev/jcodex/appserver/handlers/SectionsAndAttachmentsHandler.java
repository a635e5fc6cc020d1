package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ThreadAttachmentListResponse;
import dev.jcodex.protocol.v2.ThreadAttachmentOwnerListResponse;
import dev.jcodex.protocol.v2.ThreadSectionListResponse;
import java.util.List;

/**
 * The Codex desktop app's sidebar sections and thread attachments (tier C). jcodex has neither: the lists are
 * empty, and creating, changing or moving anything is refused with -32600 naming the feature.
 */
public final class SectionsAndAttachmentsHandler {
    static final String SECTIONS = "thread sections";
    static final String ATTACHMENTS = "thread attachments";

    public void register(Dispatcher d) {
        d.on(ClientRequests.THREAD_SECTION_LIST, (c, p) -> {
            AbsentFeature.noCursor("threadSection/list", p.cursor());
            AbsentFeature.nonNegative("threadSection/list", "limit", p.limit());
            return new ThreadSectionListResponse(List.of(), null);
        });
        d.on(ClientRequests.THREAD_SECTION_CREATE, (c, p) -> { throw AbsentFeature.error("threadSection/create", SECTIONS); });
        d.on(ClientRequests.THREAD_SECTION_UPDATE, (c, p) -> { throw AbsentFeature.error("threadSection/update", SECTIONS); });
        d.on(ClientRequests.THREAD_SECTION_DELETE, (c, p) -> { throw AbsentFeature.error("threadSection/delete", SECTIONS); });
        d.on(ClientRequests.THREAD_SECTION_MOVE, (c, p) -> { throw AbsentFeature.error("thread/section/move", SECTIONS); });
        d.on(ClientRequests.THREAD_ATTACHMENT_LIST, (c, p) -> {
            AbsentFeature.noCursor("thread/attachment/list", p.cursor());
            AbsentFeature.nonNegative("thread/attachment/list", "limit", p.limit());
            return new ThreadAttachmentListResponse(List.of(), null);
        });
        d.on(ClientRequests.THREAD_ATTACHMENT_OWNER_LIST, (c, p) -> {
            AbsentFeature.noCursor("thread/attachmentOwner/list", p.cursor());
            AbsentFeature.nonNegative("thread/attachmentOwner/list", "limit", p.limit());
            return new ThreadAttachmentOwnerListResponse(List.of(), null);
        });
        d.on(ClientRequests.THREAD_ATTACHMENT_ADD, (c, p) -> { throw AbsentFeature.error("thread/attachment/add", ATTACHMENTS); });
        d.on(ClientRequests.THREAD_ATTACHMENT_REMOVE, (c, p) -> { throw AbsentFeature.error("thread/attachment/remove", ATTACHMENTS); });
    }
}
