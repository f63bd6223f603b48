/**
 * The providers behind {@link org.suxiu.field.VirtualNumbers}: the recording default
 * (calls go to the property's service number) and a signed HTTP adapter for a 隐私号 (AXB)
 * gateway.
 */
package org.suxiu.field.calls;
