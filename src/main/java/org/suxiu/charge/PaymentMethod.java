package org.suxiu.charge;

/** How a charge was paid: cash, WeChat Pay, Alipay, or added to the property-fee bill. */
public enum PaymentMethod {

	CASH, WECHAT, ALIPAY, FEE_BILL

}
