package org.suxiu.attachment;

/**
 * Photo or video.
 */
public enum MediaKind {

	IMAGE, VIDEO

}
